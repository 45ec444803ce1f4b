package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CounterKpisTest extends CountersTown {

    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired
    CounterKpis kpis;

    /** A morning at the east branch: two residents served, one called and not there. */
    @BeforeEach
    void aMorningAtTheEastBranch() throws Exception {
        loadTheTown();
        jdbc.update("""
                insert into counter_ticket (office_id, service_id, day, number, token, channel, state, desk, taken_at, called_at, finished_at)
                values (1, 1, '2026-12-01', 1, 'kpi-1', 'kiosk', 'served', '1', '2026-12-01 09:00+09', '2026-12-01 09:10+09', '2026-12-01 09:15+09'),
                       (1, 1, '2026-12-01', 2, 'kpi-2', 'remote', 'served', '2', '2026-12-01 09:05+09', '2026-12-01 09:20+09', '2026-12-01 09:30+09'),
                       (1, 1, '2026-12-01', 3, 'kpi-3', 'kiosk', 'absent', '1', '2026-12-01 10:00+09', '2026-12-01 10:05+09', '2026-12-01 10:06+09')""");
    }

    @AfterEach
    void forgetTheMorning() {
        jdbc.update("delete from counter_ticket");
    }

    @Test
    void aDayCountsTicketsTheMeanWaitAndTheMeanTimeAtTheCounterOfThoseServed() {
        assertThat(kpis.days(TUESDAY, TUESDAY)).containsExactly(
                new CounterKpis.Day("east", "juminhyo", TUESDAY, 3, 3, 10.0, 7.5));
    }

    @Test
    void ticketsAreCountedPerHourOfTheDayInJapan() {
        assertThat(kpis.hours(TUESDAY, TUESDAY)).containsExactly(
                new CounterKpis.Hour("east", 9, 2), new CounterKpis.Hour("east", 10, 1));
    }

    @Test
    void daysOutsideTheRangeAreLeftOut() {
        assertThat(kpis.days(TUESDAY.plusDays(1), TUESDAY.plusDays(7))).isEmpty();
    }
}
