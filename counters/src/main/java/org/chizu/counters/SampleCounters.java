package org.chizu.counters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Declares the sample town's counters ({@code counters/sample-counters.yml}) once the sample town has loaded. */
@Component
@ConditionalOnProperty(prefix = "chizu.sample-town", name = "enabled", havingValue = "true")
class SampleCounters {

    static final String RESOURCE = "counters/sample-counters.yml";
    private static final Logger log = LoggerFactory.getLogger(SampleCounters.class);

    private final CounterDeclarations declarations;

    SampleCounters(CounterDeclarations declarations) {
        this.declarations = declarations;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void declare() {
        int added = declarations.declare(RESOURCE);
        if (added > 0) {
            log.info("counters: declared {} sample offices ({})", added, RESOURCE);
        }
    }
}
