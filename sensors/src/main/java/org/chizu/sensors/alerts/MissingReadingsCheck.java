package org.chizu.sensors.alerts;

import java.time.Instant;

import org.chizu.platform.BackgroundWork;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for silent datastreams every {@code chizu.sensors.alerts.missing-check} (a minute): no reading is news too. */
@Component
@BackgroundWork
@EnableScheduling
class MissingReadingsCheck {

    private final AlertLifecycle alerts;

    MissingReadingsCheck(AlertLifecycle alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelayString = "${chizu.sensors.alerts.missing-check:PT1M}", initialDelayString = "${chizu.sensors.alerts.missing-check:PT1M}")
    void check() {
        alerts.raiseMissing(Instant.now());
    }
}
