package org.chizu.booking;

import org.chizu.platform.BackgroundWork;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns the {@link LotteryCycle} every few minutes ({@code chizu.booking.lottery.cron}, every 5
 * minutes by default) on every server process; the cycle keeps each step once. A process that was
 * down catches up on its next turn.
 */
@Component
@BackgroundWork
@EnableScheduling
public class LotterySchedule {

    private final LotteryCycle cycle;

    public LotterySchedule(LotteryCycle cycle) {
        this.cycle = cycle;
    }

    @Scheduled(cron = "${chizu.booking.lottery.cron:0 */5 * * * *}", zone = "Asia/Tokyo")
    public void turn() {
        cycle.advance();
    }
}
