package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sample working day: every office served through its hours, numbers without gaps, everyone
 * called after taking a ticket and served before the next call at that desk; never twice, and never
 * over a town's own tickets.
 */
class SampleDayTest extends CountersTown {

    @Autowired
    SampleDay sampleDay;
    @Autowired
    CounterKpis kpis;

    @Test
    void eachOfficeGetsAServedDayBeforeTodayWithNumbersWithoutGaps() {
        int added = sampleDay.fillLastWorkingDay();

        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1);
        List<CounterKpis.Day> days = kpis.days(yesterday, yesterday);
        assertThat(days).extracting(CounterKpis.Day::office).contains("east", "north", "south");
        assertThat(days).allSatisfy(day -> {
            assertThat(day.called()).isEqualTo(day.tickets());
            assertThat(day.waitMinutes()).isNotNull().isGreaterThanOrEqualTo(0.0);
            assertThat(day.counterMinutes()).isNotNull().isPositive();
        });
        assertThat(days.stream().mapToInt(CounterKpis.Day::tickets).sum()).isEqualTo(added).isBetween(3 * 24, 3 * 30);
        assertThat(kpis.hours(yesterday, yesterday)).extracting(CounterKpis.Hour::hour).allSatisfy(hour -> assertThat(hour).isBetween(8, 16));

        List<Map<String, Object>> gaps = jdbc.queryForList("""
                select office_id, service_id, count(*) as tickets, max(number) as last
                from counter_ticket group by office_id, service_id having count(*) <> max(number)""");
        assertThat(gaps).isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from counter_ticket t join counter_ticket_sequence s using (office_id, service_id, day)
                where s.last_number < t.number""", Integer.class)).as("later takes continue the numbers").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from (
                    select finished_at, lead(called_at) over (partition by office_id, day, desk order by called_at) as next_call
                    from counter_ticket) d
                where next_call < finished_at""", Integer.class)).as("a desk serves one resident at a time").isZero();
    }

    @Test
    void aTownWithTicketsOfItsOwnGetsNoSampleDay() {
        tickets.take("east", "juminhyo", "kiosk");
        assertThat(sampleDay.fillLastWorkingDay()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from counter_ticket", Integer.class)).isEqualTo(1);
    }
}
