package org.chizu.counters;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A working day at the sample town's counters, served and finished, so that the KPI page, the
 * crowding and the wait estimates have a day to show before anyone has taken a ticket: residents
 * arrive through the opening hours with the morning and early-afternoon peaks of a town hall, ask for
 * the services in the proportions of its certificate counters, and are served in turn at the office's
 * desks for about each service's typical minutes. Generated from a fixed seed per office and day.
 */
@Component
public class SampleDay {

    /** Share of the day's residents arriving in each hour from 8 to 16 o'clock. */
    private static final double[] ARRIVALS_BY_HOUR = {0.06, 0.16, 0.15, 0.12, 0.07, 0.14, 0.12, 0.10, 0.08};
    private static final int FIRST_HOUR = 8;
    private static final Map<String, Integer> SERVICE_SHARES = Map.of("juminhyo", 35, "inkan", 20, "mynumber", 20,
            "koseki", 15, "soudan", 10);
    private static final int OTHER_SERVICE_SHARE = 10;
    /** The town hall's four desks and about 140 residents; a branch's one desk and about 24. */
    private static final String MAIN_OFFICE = "honcho";
    private static final int LOOK_BACK_DAYS = 14;

    private final JdbcTemplate jdbc;
    private final Offices offices;
    private final OfficeCalendar calendar;
    private final CountersProperties properties;

    SampleDay(JdbcTemplate jdbc, Offices offices, OfficeCalendar calendar, CountersProperties properties) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.calendar = calendar;
        this.properties = properties;
    }

    /**
     * Fills each office's last working day before today, unless the counters have any ticket already
     * (a town that uses its counters keeps only its own figures).
     *
     * @return the tickets added
     */
    @Transactional
    public int fillLastWorkingDay() {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from counter_ticket)", Boolean.class))) {
            return 0;
        }
        LocalDate today = ZonedDateTime.now(properties.zone()).toLocalDate();
        int added = 0;
        for (Office office : offices.all()) {
            for (int back = 1; back <= LOOK_BACK_DAYS; back++) {
                OfficeDay day = calendar.day(office, today.minusDays(back));
                if (day.open() && !office.services().isEmpty()) {
                    added += fill(office, day);
                    break;
                }
            }
        }
        return added;
    }

    private int fill(Office office, OfficeDay day) {
        Random random = new Random(office.code().hashCode() * 31L + day.date().toEpochDay());
        boolean main = MAIN_OFFICE.equals(office.code());
        int residents = (main ? 140 : 24) + random.nextInt(main ? 20 : 6);
        LocalDateTime opens = day.date().atTime(day.hours().opens());
        LocalDateTime lastTicket = day.date().atTime(day.hours().closes()).minusMinutes(15);
        List<LocalDateTime> arrivals = new ArrayList<>();
        while (arrivals.size() < residents) {
            LocalDateTime arrival = day.date().atTime(FIRST_HOUR + hour(random), 0).plusSeconds(random.nextInt(3600));
            if (!arrival.isBefore(opens) && arrival.isBefore(lastTicket)) {
                arrivals.add(arrival);
            }
        }
        arrivals.sort(null);
        LocalDateTime[] deskFree = new LocalDateTime[main ? 4 : 1];
        Arrays.fill(deskFree, opens);
        Map<Long, Integer> numbers = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (LocalDateTime arrival : arrivals) {
            CounterService service = service(office.services(), random);
            int desk = 0;
            for (int d = 1; d < deskFree.length; d++) {
                desk = deskFree[d].isBefore(deskFree[desk]) ? d : desk;
            }
            LocalDateTime called = arrival.isAfter(deskFree[desk]) ? arrival : deskFree[desk].plusSeconds(20 + random.nextInt(40));
            long seconds = Math.round(service.typicalMinutes() * 60 * Math.exp(random.nextGaussian() * 0.35));
            LocalDateTime finished = called.plusSeconds(Math.max(60, seconds));
            deskFree[desk] = finished;
            int number = numbers.merge(service.id(), 1, Integer::sum);
            boolean remote = office.remoteTickets() && random.nextInt(100) < 15;
            rows.add(new Object[] {office.id(), service.id(), day.date(), number, "sample-" + UUID.randomUUID(),
                    remote ? "remote" : "kiosk", Integer.toString(desk + 1), at(arrival), at(called), at(finished)});
        }
        jdbc.batchUpdate("""
                insert into counter_ticket (office_id, service_id, day, number, token, channel, state, desk, taken_at, called_at, finished_at)
                values (?, ?, ?, ?, ?, ?, 'served', ?, ?, ?, ?)""", rows);
        numbers.forEach((service, last) -> jdbc.update("""
                insert into counter_ticket_sequence (office_id, service_id, day, last_number) values (?, ?, ?, ?)""",
                office.id(), service, day.date(), last));
        return rows.size();
    }

    private static int hour(Random random) {
        double draw = random.nextDouble();
        for (int i = 0; i < ARRIVALS_BY_HOUR.length; i++) {
            draw -= ARRIVALS_BY_HOUR[i];
            if (draw < 0) {
                return i;
            }
        }
        return ARRIVALS_BY_HOUR.length - 1;
    }

    private static CounterService service(List<CounterService> offered, Random random) {
        int total = offered.stream().mapToInt(SampleDay::share).sum();
        int draw = random.nextInt(total);
        for (CounterService service : offered) {
            draw -= share(service);
            if (draw < 0) {
                return service;
            }
        }
        return offered.getLast();
    }

    private static int share(CounterService service) {
        return SERVICE_SHARES.getOrDefault(service.code(), OTHER_SERVICE_SHARE);
    }

    private Timestamp at(LocalDateTime local) {
        return Timestamp.from(local.atZone(properties.zone()).toInstant());
    }
}
