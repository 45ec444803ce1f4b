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

/** The bookable units (tables {@code booking_unit}, {@code booking_unit_hours}) with their facilities. */
@Repository
public class BookableUnits {

    private static final String UNITS = """
            select u.id, u.kind, u.name_ja, u.name_en, u.capacity, u.slot_minutes, u.max_slots,
                   u.closed_on_holidays, u.needs_approval,
                   u.resident_days_ahead, u.non_resident_days_ahead, u.workers_as_residents, u.by_lottery, u.groups_only,
                   f.id as facility_id, f.name as facility_name, f.address, st_x(f.geom) as lon, st_y(f.geom) as lat
            from booking_unit u join facilities f on f.id = u.facility_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final JapaneseHolidays holidays;

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

    /** The units the filter lets through, by facility and name. */
    public List<BookableUnit> list(UnitFilter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("kind", filter.kind()).addValue("capacity", filter.minCapacity());
        List<BookableUnit> units = read(UNITS + """
                 where (cast(:kind as text) is null or u.kind = :kind)
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
                           BookableUnit.BookingWindow window, boolean byLottery, boolean groupsOnly) {

        BookableUnit with(Map<DayOfWeek, OpeningHours> hours) {
            return new BookableUnit(id, facility, kind, name, capacity, slotMinutes, maxSlots, closedOnHolidays,
                    needsApproval, hours, window, byLottery, groupsOnly);
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
                rs.getBoolean("by_lottery"), rs.getBoolean("groups_only"));
    }
}
