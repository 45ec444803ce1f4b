package org.chizu.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A unit's month as a resident sees it: each day open with its slots (free, taken or past) or
 * closed, naming the holiday when it closes for one. The slots come from one query
 * ({@code availability.sql}), the closed days from the unit's hours and the published holidays.
 */
@Service
public class Availability {

    private static final String SQL = read("availability.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final BookableUnits units;
    private final BookingRules rules;
    private final BookingProperties properties;
    private final LotteryCalendar lotteries;
    private final Clock clock;

    @Autowired
    public Availability(NamedParameterJdbcTemplate jdbc, BookableUnits units, BookingRules rules, BookingProperties properties,
                        LotteryCalendar lotteries) {
        this(jdbc, units, rules, properties, lotteries, Clock.systemUTC());
    }

    Availability(NamedParameterJdbcTemplate jdbc, BookableUnits units, BookingRules rules, BookingProperties properties,
                 LotteryCalendar lotteries, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.rules = rules;
        this.properties = properties;
        this.lotteries = lotteries;
        this.clock = clock;
    }

    /**
     * Where a slot stands; in JSON "free", "taken" or "past", or "lottery" for a free slot of a
     * month that goes by lottery and has not been drawn (entered in the lottery, not held).
     */
    public enum SlotState {
        FREE, TAKEN, PAST, LOTTERY;

        @JsonValue
        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Slot(OffsetDateTime start, OffsetDateTime end, SlotState state) {
    }

    /** A day: open with its slots, or closed and why (then without slots). */
    public record Day(LocalDate date, boolean open, ClosedDay closed, List<Slot> slots) {
    }

    /** The last day residents and non-residents may book today (residents further ahead). */
    public record LastBookableDays(LocalDate resident, LocalDate nonResident) {
    }

    public record Month(BookableUnit unit, YearMonth month, LastBookableDays lastBookableDay, List<Day> days) {
    }

    /**
     * The unit's month.
     *
     * @throws BookingProblem 404 for an unknown unit
     */
    public Month of(long unitId, YearMonth month) {
        BookableUnit unit = units.find(unitId);
        Instant now = clock.instant();
        SlotState free = unit.byLottery() && !lotteries.drawn(month) ? SlotState.LOTTERY : SlotState.FREE;
        Map<LocalDate, List<Slot>> slots = new LinkedHashMap<>();
        jdbc.query(SQL, new MapSqlParameterSource().addValue("unit", unitId).addValue("from", month.atDay(1))
                .addValue("to", month.atEndOfMonth()).addValue("zone", properties.zone().getId()), rs -> {
            OffsetDateTime start = rs.getObject("starts", OffsetDateTime.class).atZoneSameInstant(properties.zone()).toOffsetDateTime();
            OffsetDateTime end = rs.getObject("ends", OffsetDateTime.class).atZoneSameInstant(properties.zone()).toOffsetDateTime();
            SlotState state = start.toInstant().isBefore(now) ? SlotState.PAST
                    : rs.getBoolean("taken") ? SlotState.TAKEN : free;
            slots.computeIfAbsent(rs.getObject("day", LocalDate.class), day -> new ArrayList<>()).add(new Slot(start, end, state));
        });
        List<Day> days = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            ClosedDay closed = rules.closure(unit, day).orElse(null);
            days.add(closed == null ? new Day(day, true, null, slots.getOrDefault(day, List.of()))
                    : new Day(day, false, closed, List.of()));
        }
        return new Month(unit, month, new LastBookableDays(rules.lastBookableDay(unit, FeeClass.RESIDENT, now),
                rules.lastBookableDay(unit, FeeClass.NON_RESIDENT, now)), days);
    }

    private static String read(String name) {
        try {
            return new ClassPathResource(name, Availability.class).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
