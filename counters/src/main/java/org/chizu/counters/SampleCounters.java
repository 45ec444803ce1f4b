package org.chizu.counters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Declares the sample town's counters ({@code counters/sample-counters.yml}) once the sample town has
 * loaded, with a served working day ({@link SampleDay}) while they have no tickets of their own.
 */
@Component
@ConditionalOnProperty(prefix = "chizu.sample-town", name = "enabled", havingValue = "true")
class SampleCounters {

    static final String RESOURCE = "counters/sample-counters.yml";
    private static final Logger log = LoggerFactory.getLogger(SampleCounters.class);

    private final CounterDeclarations declarations;
    private final SampleDay sampleDay;

    SampleCounters(CounterDeclarations declarations, SampleDay sampleDay) {
        this.declarations = declarations;
        this.sampleDay = sampleDay;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declare() {
        int added = declarations.declare(RESOURCE);
        if (added > 0) {
            log.info("counters: declared {} sample offices ({})", added, RESOURCE);
        }
        int tickets = sampleDay.fillLastWorkingDay();
        if (tickets > 0) {
            log.info("counters: a sample working day of {} served tickets", tickets);
        }
    }
}
