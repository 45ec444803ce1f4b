package org.chizu.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.chizu.platform.BackgroundWork;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the table of events small: every listening process deletes, now and then, the events beyond
 * {@code chizu.events.keep-for} and {@code keep-at-most} (several processes doing so is harmless).
 */
@Component
@BackgroundWork
@EnableScheduling
class EventPruning {

    private static final Logger log = LoggerFactory.getLogger(EventPruning.class);

    private final EventLog events;
    private final EventsProperties properties;

    EventPruning(EventLog events, EventsProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${chizu.events.prune-interval:PT1M}", initialDelayString = "${chizu.events.prune-interval:PT1M}")
    void prune() {
        int deleted = events.prune(properties.keepFor(), properties.keepAtMost());
        if (deleted > 0) {
            log.debug("deleted {} live events beyond the kept ones", deleted);
        }
    }
}
