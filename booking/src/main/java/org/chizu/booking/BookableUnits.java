package org.chizu.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The bookable units (tables {@code booking_unit}, {@code booking_unit_hours}) with their facilities. */
@Repository
public class BookableUnits {

    private static final String UNITS = """
            select u.id, u.kind, u.name_ja, u.name_en, u.capacity, u.slot_minutes, u.max_slots,
                   u.closed_on_holidays, u.needs_approval,
                   u.resident_days_ahead, u.non_resident_days_ahead, u.workers_as_residents, u.by_lottery,
                   f.id as facility_id, f.name as facility_name, f.address, st_x(f.geom) as lon, st_y(f.geom) as lat
            from booking_unit u join facilities f on f.id = u.facility_id
            """;

    /**
     * The kind of units another module books through booking (the counters' van stops): booked on that
     * module's pages, so left out of the list unless asked for by kind.
     */
    public static final String COUNTER = "counter";

    private final NamedParameterJdbcTemplate jdbc;
    private final JapaneseHolidays holidays;

    /**
     * A unit another module declares for its own service, free of charge, booked one person at a time.
     *
     * @param hours its opening hours by weekday; none closes it on every day
     */
    public record UnitDeclaration(long facilityId, String kind, Label name, int slotMinutes, int maxSlots,
                                  boolean closedOnHolidays, Map<DayOfWeek, OpeningHours> hours) {
    }

    public BookableUnits(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.holidays = JapaneseHolidays.official();
    }

    /**
     * The unit with this id.
     *
     * @throws BookingProblem 404 when there is none
     */
    public BookableUnit find(long id) {
        List<BookableUnit> found = read(UNITS + " where u.id = :id", new MapSqlParameterSource("id", id));
        if (found.isEmpty()) {
            throw BookingProblem.unknownUnit(id);
        }
        return found.getFirst();
    }

    /**
     * Adds the unit, or updates the one of that facility and Japanese name (its kind, slots and
     * hours replaced); returns its id. Bookings already made are kept.
     */
    @Transactional
    public long declare(UnitDeclaration unit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("facility", unit.facilityId())
                .addValue("kind", unit.kind()).addValue("ja", unit.name().ja()).addValue("en", unit.name().en())
                .addValue("slot", unit.slotMinutes()).addValue("max", unit.maxSlots()).addValue("holidays", unit.closedOnHolidays());
        Long id = jdbc.queryForObject("""
                insert into booking_unit (facility_id, kind, name_ja, name_en, capacity, slot_minutes, max_slots, closed_on_holidays)
                values (:facility, :kind, :ja, :en, 1, :slot, :max, :holidays)
                on conflict (facility_id, name_ja) do update set kind = excluded.kind, name_en = excluded.name_en,
                    slot_minutes = excluded.slot_minutes, max_slots = excluded.max_slots,
                    closed_on_holidays = excluded.closed_on_holidays
                returning id""", parameters, Long.class);
        jdbc.update("delete from booking_unit_hours where unit_id = :id", new MapSqlParameterSource("id", id));
        unit.hours().forEach((day, hours) -> jdbc.update("""
                insert into booking_unit_hours (unit_id, weekday, opens, closes) values (:id, :weekday, :opens, :closes)""",
                new MapSqlParameterSource("id", id).addValue("weekday", day.getValue()).addValue("opens", hours.opens())
                        .addValue("closes", hours.closes())));
        return id;
    }

    /** The units the filter lets through, by facility and name. */
    public List<BookableUnit> list(UnitFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("kind", filter.kind()).addValue("capacity", filter.minCapacity()).addValue("otherModules", COUNTER);
        List<BookableUnit> units = read(UNITS + """
                 where (cast(:kind as text) is null and u.kind <> :otherModules or u.kind = :kind)
                   and (cast(:capacity as integer) is null or u.capacity >= :capacity)
                 order by f.name, u.name_ja, u.id""", parameters);
        if (filter.openOn() == null) {
            return units;
        }
        boolean holiday = holidays.isHoliday(filter.openOn());
        return units.stream().filter(unit -> unit.hoursOn(filter.openOn().getDayOfWeek()).isPresent()
                && !(holiday && unit.closedOnHolidays())).toList();
    }

    private List<BookableUnit> read(String sql, MapSqlParameterSource parameters) {
        List<UnitRow> rows = jdbc.query(sql, parameters, BookableUnits::row);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<DayOfWeek, OpeningHours>> hours = new HashMap<>();
        jdbc.query("select unit_id, weekday, opens, closes from booking_unit_hours where unit_id in (:ids)",
                new MapSqlParameterSource("ids", rows.stream().map(UnitRow::id).toList()),
                (ResultSet rs) -> {
                    hours.computeIfAbsent(rs.getLong("unit_id"), id -> new EnumMap<>(DayOfWeek.class))
                            .put(DayOfWeek.of(rs.getInt("weekday")), new OpeningHours(
                                    rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)));
                });
        List<BookableUnit> units = new ArrayList<>();
        for (UnitRow row : rows) {
            units.add(row.with(hours.getOrDefault(row.id(), Map.of())));
        }
        return units;
    }

    private record UnitRow(long id, BookableUnit.Facility facility, String kind, Label name, int capacity,
                           int slotMinutes, int maxSlots, boolean closedOnHolidays, boolean needsApproval,
                           BookableUnit.BookingWindow window, boolean byLottery) {

        BookableUnit with(Map<DayOfWeek, OpeningHours> hours) {
            return new BookableUnit(id, facility, kind, name, capacity, slotMinutes, maxSlots, closedOnHolidays,
                    needsApproval, hours, window, byLottery);
        }
    }

    private static UnitRow row(ResultSet rs, int n) throws SQLException {
        return new UnitRow(rs.getLong("id"),
                new BookableUnit.Facility(rs.getLong("facility_id"), rs.getString("facility_name"), rs.getString("address"),
                        rs.getDouble("lon"), rs.getDouble("lat")),
                rs.getString("kind"), new Label(rs.getString("name_ja"), rs.getString("name_en")), rs.getInt("capacity"),
                rs.getInt("slot_minutes"), rs.getInt("max_slots"), rs.getBoolean("closed_on_holidays"),
                rs.getBoolean("needs_approval"),
                new BookableUnit.BookingWindow(rs.getInt("resident_days_ahead"), rs.getInt("non_resident_days_ahead"),
                        rs.getBoolean("workers_as_residents")),
                rs.getBoolean("by_lottery"));
    }
}
