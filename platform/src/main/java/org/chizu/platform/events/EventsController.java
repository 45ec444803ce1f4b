package org.chizu.platform.events;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.chizu.platform.BackgroundWork;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /events?topic=queue.board.3&topic=alerts}: the topics' events as Server-Sent Events, each
 * named by its topic and carrying its id, so that a reconnecting EventSource (which sends
 * {@code Last-Event-ID}) receives what it missed. Comment lines keep a quiet connection open.
 */
@RestController
@BackgroundWork
class EventsController {

    static final int MAX_TOPICS = 20;

    private final Subscribers subscribers;
    private final TopicAccessPolicy policy;

    EventsController(Subscribers subscribers, TopicAccessPolicy policy) {
        this.subscribers = subscribers;
        this.policy = policy;
    }

    /**
     * @throws EventsProblem 400 for a malformed topic or Last-Event-ID, 403 naming a topic the caller
     *                       may not follow, 503 when this process serves as many connections as it may
     */
    @GetMapping("/events")
    SseEmitter events(@RequestParam(name = "topic", required = false) List<String> topic,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Principal user) {
        Set<String> topics = new LinkedHashSet<>();
        if (topic != null) {
            topic.forEach(t -> topics.add(Topics.require(t)));
        }
        if (topics.isEmpty()) {
            throw EventsProblem.noTopic();
        }
        if (topics.size() > MAX_TOPICS) {
            throw EventsProblem.tooManyTopics(MAX_TOPICS);
        }
        policy.check(topics, user);
        return subscribers.subscribe(topics, lastEventId == null || lastEventId.isBlank() ? null : parse(lastEventId));
    }

    private static long parse(String lastEventId) {
        try {
            long id = Long.parseLong(lastEventId.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw EventsProblem.badLastEventId(lastEventId);
    }
}
