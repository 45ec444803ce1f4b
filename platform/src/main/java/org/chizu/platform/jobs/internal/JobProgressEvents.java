package org.chizu.platform.jobs.internal;

import org.chizu.platform.events.LiveEvents;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobTopics;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells browsers of every job's state and progress as it changes: its owner on
 * {@code user.<owner>.jobs}, staff on {@code staff.jobs} ({@link JobTopics}). Live events reach
 * every process, so a browser learns of a job run by any of them.
 */
@Component
class JobProgressEvents {

    private final LiveEvents events;

    JobProgressEvents(LiveEvents events) {
        this.events = events;
    }

    @EventListener
    void on(JobChanged change) {
        events.publish(JobTopics.STAFF, change);
        events.publish(JobTopics.ofOwner(change.owner()), change);
    }
}
