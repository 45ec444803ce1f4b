package org.chizu.platform.jobs.internal;

import java.util.Optional;

import org.chizu.platform.events.LiveEvents;
import org.chizu.platform.jobs.JobChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells browsers of every job's state and progress as it changes: its owner on
 * {@code user.<owner>.jobs}, staff on {@code staff.jobs}. Live events reach every process, so a
 * browser learns of a job run by any of them.
 */
@Component
class JobProgressEvents {

    static final String STAFF_TOPIC = "staff.jobs";
    static final String OWNER_LEAF = "jobs";

    private final LiveEvents events;

    JobProgressEvents(LiveEvents events) {
        this.events = events;
    }

    @EventListener
    void on(JobChanged change) {
        events.publish(STAFF_TOPIC, change);
        ownerTopic(change.owner()).ifPresent(topic -> events.publish(topic, change));
    }

    /** None for an owner whose name cannot be a topic's part (upper case, '@' …): its page polls instead. */
    private static Optional<String> ownerTopic(String owner) {
        try {
            return Optional.of(LiveEvents.userTopic(owner, OWNER_LEAF));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
