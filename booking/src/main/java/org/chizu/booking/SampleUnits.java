package org.chizu.booking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Declares the sample town's bookable units ({@code booking/sample-units.yml}) once the sample town
 * has loaded (after every start-up runner, so after its shelters). Units already there are kept;
 * a unit whose facility the database lacks is skipped.
 */
@Component
@ConditionalOnProperty(prefix = "chizu.sample-town", name = "enabled", havingValue = "true")
public class SampleUnits {

    private static final Logger log = LoggerFactory.getLogger(SampleUnits.class);
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private final JdbcTemplate jdbc;

    public SampleUnits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Declared(List<Unit> units) {
    }

    record Unit(String facility, String kind, Label name, int capacity, int slotMinutes, int maxSlots,
                boolean closedOnHolidays, boolean needsApproval, Map<String, String> hours,
                Map<String, Map<String, Integer>> fees, Map<String, Extra> extras) {
    }

    record Extra(Label name, int yenPerHour) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void declare() {
        int added = 0;
        for (Unit unit : read().units()) {
            List<Long> ids = jdbc.queryForList("""
                    insert into booking_unit (facility_id, kind, name_ja, name_en, capacity, slot_minutes, max_slots,
                                              closed_on_holidays, needs_approval)
                    select f.id, ?, ?, ?, ?, ?, ?, ?, ? from facilities f where f.source_id = ?
                    order by f.id limit 1
                    on conflict (facility_id, name_ja) do nothing
                    returning id""", Long.class, unit.kind(), unit.name().ja(), unit.name().en(), unit.capacity(),
                    unit.slotMinutes(), unit.maxSlots(), unit.closedOnHolidays(), unit.needsApproval(), unit.facility());
            for (long id : ids) {
                unit.hours().forEach((day, hours) -> {
                    String[] span = hours.split("-");
                    jdbc.update("insert into booking_unit_hours (unit_id, weekday, opens, closes) values (?, ?, ?, ?)",
                            id, WEEKDAYS.get(day).getValue(), LocalTime.parse(span[0]), LocalTime.parse(span[1]));
                });
                unit.fees().forEach((feeClass, bands) -> bands.forEach((band, yen) -> {
                    String[] span = band.split("-");
                    jdbc.update("insert into booking_fee_band (unit_id, fee_class, starts, ends, yen_per_hour) values (?, ?, ?, ?, ?)",
                            id, FeeClass.fromId(feeClass).id(), LocalTime.parse(span[0]), LocalTime.parse(span[1]), yen);
                }));
                unit.extras().forEach((code, extra) -> jdbc.update(
                        "insert into booking_fee_extra (unit_id, code, name_ja, name_en, yen_per_hour) values (?, ?, ?, ?, ?)",
                        id, code, extra.name().ja(), extra.name().en(), extra.yenPerHour()));
                added++;
            }
        }
        if (added > 0) {
            log.info("booking: declared {} sample bookable units (booking/sample-units.yml)", added);
        }
    }

    private static Declared read() {
        try (InputStream in = SampleUnits.class.getResourceAsStream("/booking/sample-units.yml")) {
            return new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Declared.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read booking/sample-units.yml", e);
        }
    }
}
