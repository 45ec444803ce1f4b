package org.chizu.platform.events;

import java.util.Map;

import org.chizu.platform.problem.ProblemException;

/** Why a subscription to {@code /events} (or a publication) was refused. */
final class EventsProblem extends ProblemException {

    private final Map<String, Object> members;

    private EventsProblem(int status, String type, String title, String detail, Map<String, Object> members) {
        super(status, type, title, detail);
        this.members = members;
    }

    static EventsProblem badTopic(String topic, String why) {
        return new EventsProblem(400, "bad-topic", "Bad topic", "Topic '" + topic + "': " + why, Map.of("topic", topic));
    }

    static EventsProblem noTopic() {
        return new EventsProblem(400, "bad-topic", "Bad topic",
                "Name at least one topic: /events?topic=alerts&topic=queue.board.3", Map.of());
    }

    static EventsProblem tooManyTopics(int max) {
        return new EventsProblem(400, "bad-topic", "Too many topics",
                "One connection may follow at most " + max + " topics.", Map.of("maxTopics", max));
    }

    static EventsProblem badLastEventId(String value) {
        return new EventsProblem(400, "bad-last-event-id", "Bad Last-Event-ID",
                "Last-Event-ID must be the id of an event received before, not '" + value + "'.",
                Map.of("lastEventId", value));
    }

    static EventsProblem forbidden(String topic) {
        return new EventsProblem(403, "topic-forbidden", "Topic forbidden",
                "You may not follow the topic '" + topic + "'"
                        + (topic.startsWith(Topics.STAFF) ? ": it is for signed-in staff." : ": it belongs to another user."),
                Map.of("topic", topic));
    }

    static EventsProblem tooManySubscribers(int max) {
        return new EventsProblem(503, "too-many-subscribers", "Too many subscribers",
                "This server already serves " + max + " live connections; try again in a minute.",
                Map.of("maxSubscribers", max));
    }

    @Override
    public Map<String, Object> members() {
        return members;
    }
}
