package org.chizu.booking;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a month of a lottery unit is open to first-come-first-served: only once that month's
 * lottery has been drawn; then its leftovers go to whoever holds them first.
 */
@Component
public class LotteryCalendar {

    private final JdbcTemplate jdbc;
    private final BookingProperties properties;

    public LotteryCalendar(JdbcTemplate jdbc, BookingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
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
