package org.chizu.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lottery's months: when a month's lottery opens, closes and must be confirmed by
 * ({@link LotteryProperties}), and whether a month of a lottery unit is open to
 * first-come-first-served: only once that month's lottery has been drawn; then its leftovers go to
 * whoever holds them first.
 */
@Component
public class LotteryCalendar {

    private final JdbcTemplate jdbc;
    private final BookingProperties properties;
    private final LotteryProperties timetable;

    public LotteryCalendar(JdbcTemplate jdbc, BookingProperties properties, LotteryProperties timetable) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.timetable = timetable;
    }

    /** A month's lottery as the timetable has it. */
    public record Opening(YearMonth month, Instant applicationsOpen, Instant applicationsClose, Instant confirmBy, int maxEntries) {
    }

    /** The lottery for the month after now's, whose application period the timetable puts around now. */
    Opening next(Instant now) {
        YearMonth current = YearMonth.from(LocalDate.ofInstant(now, properties.zone()));
        return new Opening(current.plusMonths(1),
                at(current.atDay(timetable.opensOnDay()).atTime(timetable.opensAt())),
                at(current.atDay(timetable.closesOnDay()).atTime(timetable.closesAt())),
                at(current.atDay(timetable.confirmByDay()).atTime(timetable.confirmByAt())), timetable.maxEntries());
    }

    /** The lottery the schedule opens now: next month's, while its application period runs. */
    Optional<Opening> dueToOpen(Instant now) {
        Opening next = next(now);
        return !now.isBefore(next.applicationsOpen()) && now.isBefore(next.applicationsClose()) ? Optional.of(next) : Optional.empty();
    }

    private Instant at(LocalDateTime local) {
        return local.atZone(properties.zone()).toInstant();
    }

    /** Whether the month's lottery has been drawn, so that its leftovers are open to all. */
    boolean drawn(YearMonth month) {
        return !jdbc.queryForList("select 1 from booking_lottery where month = ? and drawn_at is not null", Integer.class,
                month.atDay(1)).isEmpty();
    }

    /**
     * @throws BookingProblem 422 "lottery-pending" when the month of start is not drawn yet
     */
    void checkOpenToAll(BookableUnit unit, Instant start) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(start, properties.zone()));
        List<Timestamp[]> lottery = jdbc.query("select drawn_at, applications_close from booking_lottery where month = ?",
                (rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)}, month.atDay(1));
        if (lottery.isEmpty()) {
            throw BookingProblem.lotteryPending(unit.id(), month, null);
        }
        if (lottery.getFirst()[0] == null) {
            throw BookingProblem.lotteryPending(unit.id(), month, lottery.getFirst()[1].toInstant());
        }
    }
}
