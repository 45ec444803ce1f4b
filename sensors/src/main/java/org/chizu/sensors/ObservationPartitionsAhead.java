package org.chizu.sensors;

import java.time.YearMonth;
import java.time.ZoneOffset;

import org.chizu.platform.BackgroundWork;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes the observation partitions of this month and the coming ones ahead, at start-up and daily. */
@Component
@BackgroundWork
@EnableScheduling
class ObservationPartitionsAhead {

    private final ObservationPartitions partitions;

    ObservationPartitionsAhead(ObservationPartitions partitions) {
        this.partitions = partitions;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${chizu.sensors.partitions-interval:P1D}")
    void makeComingMonths() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        for (int ahead = 0; ahead <= ObservationPartitions.MONTHS_AHEAD; ahead++) {
            partitions.ensure(now.plusMonths(ahead));
        }
    }
}
