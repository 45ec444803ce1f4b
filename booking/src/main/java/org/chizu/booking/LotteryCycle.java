package org.chizu.booking;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The monthly lottery's course, run by the schedule ({@link LotterySchedule}) on every process:
 * next month's lottery opens when the timetable says (committing to its seed), is drawn once its
 * applications close (the applicants mailed), and its winners' unconfirmed slots are released at
 * the deadline. Each step is kept once by the database, whoever runs it: the month's unique key,
 * and row locks taken with {@code skip locked} on lotteries not yet drawn or released.
 */
@Service
public class LotteryCycle {

    private final Lotteries lotteries;
    private final LotteryCalendar calendar;
    private final Clock clock;

    @Autowired
    public LotteryCycle(Lotteries lotteries, LotteryCalendar calendar) {
        this(lotteries, calendar, Clock.systemUTC());
    }

    LotteryCycle(Lotteries lotteries, LotteryCalendar calendar, Clock clock) {
        this.lotteries = lotteries;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What one turn did. */
    public record Turn(List<Lottery> opened, List<Lotteries.Drawn> drawn, int released) {
    }

    /** Does what is due now and was not done. */
    public Turn advance() {
        List<Lottery> opened = calendar.dueToOpen(clock.instant()).flatMap(lotteries::openScheduled).stream().toList();
        List<Lotteries.Drawn> drawn = lotteries.dueForDraw().stream().flatMap(id -> lotteries.drawIfDue(id).stream()).toList();
        int released = lotteries.dueForRelease().stream().mapToInt(id -> lotteries.releaseIfDue(id).size()).sum();
        return new Turn(opened, drawn, released);
    }
}
