package org.chizu.sensors;

import org.chizu.platform.BackgroundWork;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Brings the aggregates up to date every few seconds and applies raw-reading retention a few times a day. */
@Component
@BackgroundWork
@EnableScheduling
class ObservationUpkeep {

    private final ObservationAggregates aggregates;
    private final ObservationRetention retention;

    ObservationUpkeep(ObservationAggregates aggregates, ObservationRetention retention) {
        this.aggregates = aggregates;
        this.retention = retention;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${chizu.sensors.aggregate-every:PT5S}")
    void remakeChangedHours() {
        aggregates.catchUp();
    }

    @Scheduled(initialDelayString = "${chizu.sensors.retention-every:PT6H}", fixedDelayString = "${chizu.sensors.retention-every:PT6H}")
    void dropExpiredReadings() {
        retention.dropExpired();
    }
}
