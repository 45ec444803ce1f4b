package org.chizu.counters;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chizu.booking.BookableUnits;
import org.chizu.booking.OpeningHours;
import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's edits of the van's routes and stops, each checked whole, written in one transaction and
 * audited. Each stop is a unit of booking's, declared through booking's published API with the stop's
 * time window on the route's weekdays as its hours, so that its slots are booked under booking's
 * guarantee; an edit re-declares the route's units in the same transaction.
 */
@Service
public class VanRouteEdits {

    private static final Map<String, DayOfWeek> SHORT_DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private final NamedParameterJdbcTemplate jdbc;
    private final VanRoutes routes;
    private final Offices offices;
    private final FacilityPlaces places;
    private final BookableUnits units;
    private final AuditLog audit;

    public VanRouteEdits(NamedParameterJdbcTemplate jdbc, VanRoutes routes, Offices offices, FacilityPlaces places,
                         BookableUnits units, AuditLog audit) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.offices = offices;
        this.places = places;
        this.units = units;
        this.audit = audit;
    }

    /** A route as staff send it: its name, weekdays ("tue" or "TUESDAY") and whether it rests on holidays (yes). */
    public record RouteEdit(Label name, List<String> weekdays, Boolean closedOnHolidays) {
    }

    /**
     * A stop as staff send it.
     *
     * @param facility    the id of a feature of the facilities layer where the van parks
     * @param name        the stop's name as residents know it; left out, the facility's name
     * @param position    its place in the round (1 is first); when adding, left out puts it last
     * @param arrives     HH:mm, the start of its window
     * @param departs     HH:mm, the end; the window is a whole number of slots
     * @param slotMinutes the length of a reservable slot (15 when left out)
     * @param services    service codes offered there
     */
    public record StopEdit(Long facility, Label name, Integer position, String arrives, String departs, Integer slotMinutes,
                           List<String> services) {
    }

    /** Adds the route or changes its name, weekdays and holidays. */
    @Transactional
    public VanRoute save(String code, RouteEdit edit) {
        if (code == null || !code.matches("[a-z0-9-]+")) {
            throw CountersProblem.badVanField("code", new Label("英小文字・数字・ハイフンで指定してください。",
                    "use lower-case letters, digits and hyphens"));
        }
        if (edit.name() == null || edit.name().ja() == null || edit.name().ja().isBlank()) {
            throw CountersProblem.missing("name.ja");
        }
        Set<DayOfWeek> weekdays = weekdays(edit.weekdays());
        boolean closedOnHolidays = edit.closedOnHolidays() == null || edit.closedOnHolidays();
        jdbc.update("""
                insert into counter_van_route (code, name_ja, name_en, weekdays, closed_on_holidays)
                values (:code, :ja, :en, cast(:weekdays as smallint[]), :holidays)
                on conflict (code) do update set name_ja = excluded.name_ja, name_en = excluded.name_en,
                    weekdays = excluded.weekdays, closed_on_holidays = excluded.closed_on_holidays""",
                new MapSqlParameterSource("code", code).addValue("ja", edit.name().ja()).addValue("en", edit.name().en())
                        .addValue("weekdays", weekdays.stream().map(day -> Integer.toString(day.getValue()))
                                .collect(Collectors.joining(",", "{", "}")))
                        .addValue("holidays", closedOnHolidays));
        audit.record("counters.van-route.save", "van route " + code, Map.of("name", edit.name().ja(),
                "weekdays", weekdays.stream().map(DayOfWeek::toString).toList(), "closedOnHolidays", closedOnHolidays));
        return declareUnits(routes.find(code));
    }

    /** Adds a stop to the route; returns the route as it is now. */
    @Transactional
    public VanRoute addStop(String code, StopEdit edit) {
        VanRoute route = routes.find(code);
        int position = edit.position() == null ? route.stops().size() + 1 : edit.position();
        // Through negatives, as the unique (route, position) is checked row by row.
        jdbc.update("update counter_van_stop set position = -(position + 1) where route_id = :route and position >= :position",
                new MapSqlParameterSource("route", route.id()).addValue("position", position));
        jdbc.update("update counter_van_stop set position = -position where route_id = :route and position < 0",
                new MapSqlParameterSource("route", route.id()));
        Long id = jdbc.queryForObject("""
                insert into counter_van_stop (route_id, position, facility_id, arrives, departs, slot_minutes)
                values (:route, :position, 0, '00:00', '00:01', 15) returning id""",
                new MapSqlParameterSource("route", route.id()).addValue("position", position), Long.class);
        write(route, id, edit, position);
        audit.record("counters.van-stop.add", "van stop " + id, details(code, edit, position));
        return declareUnits(routes.find(code));
    }

    /** Replaces what a stop is (its place, window, slots and services). */
    @Transactional
    public VanRoute updateStop(long id, StopEdit edit) {
        VanStop stop = routes.stop(id);
        VanRoute route = routes.find(stop.route());
        int position = edit.position() == null ? stop.position() : edit.position();
        if (position != stop.position()) {
            jdbc.update("update counter_van_stop set position = -position where route_id = :route and id <> :id",
                    new MapSqlParameterSource("route", route.id()).addValue("id", id));
            jdbc.update("update counter_van_stop set position = :position where id = :id",
                    new MapSqlParameterSource("position", position).addValue("id", id));
            renumber(route.id(), id, position);
        }
        write(route, id, edit, position);
        audit.record("counters.van-stop.update", "van stop " + id, details(route.code(), edit, position));
        return declareUnits(routes.find(route.code()));
    }

    /** Takes the stop off its route; its booking unit closes (bookings already made stay booking's to cancel). */
    @Transactional
    public VanRoute removeStop(long id) {
        VanStop stop = routes.stop(id);
        VanRoute route = routes.find(stop.route());
        units.declare(unitOf(route, stop, Map.of()));
        jdbc.update("delete from counter_van_stop where id = :id", new MapSqlParameterSource("id", id));
        jdbc.update("update counter_van_stop set position = -position where route_id = :route",
                new MapSqlParameterSource("route", route.id()));
        renumber(route.id(), -1, 0);
        audit.record("counters.van-stop.remove", "van stop " + id, Map.of("route", route.code(),
                "facility", stop.place().facilityId()));
        return declareUnits(routes.find(route.code()));
    }

    /** How many people staff served at the stop on a day the van visited it. */
    @Transactional
    public void recordServed(long stopId, LocalDate day, int served) {
        routes.stop(stopId);
        if (served < 0) {
            throw CountersProblem.badVanField("served", new Label("0以上の人数です。", "a number of people, 0 or more"));
        }
        int updated = jdbc.update("update counter_van_visit set served = :served where stop_id = :stop and day = :day",
                new MapSqlParameterSource("served", served).addValue("stop", stopId).addValue("day", day));
        if (updated == 0) {
            throw CountersProblem.badVanField("date", new Label("この日、車両はこの停車地に来ていません。",
                    "the van did not reach this stop that day"));
        }
        audit.record("counters.van-visit.served", "van stop " + stopId, Map.of("day", day.toString(), "served", served));
    }

    /** Writes the stop's place, window, slots and services after checking them. */
    private void write(VanRoute route, long id, StopEdit edit, int position) {
        if (edit.facility() == null) {
            throw CountersProblem.missing("facility");
        }
        if (!places.of(List.of(edit.facility())).containsKey(edit.facility())) {
            throw CountersProblem.badVanField("facility", new Label("施設 " + edit.facility() + " はありません。",
                    "there is no facility " + edit.facility()));
        }
        if (route.stops().stream().anyMatch(other -> other.id() != id && other.place().facilityId() == edit.facility())) {
            throw CountersProblem.badVanField("facility", new Label("この路線はすでにこの施設に停車します。",
                    "the route already stops at this facility"));
        }
        if (position < 1 || position > route.stops().size() + 1) {
            throw CountersProblem.badVanField("position", new Label("1〜" + (route.stops().size() + 1) + " で指定してください。",
                    "between 1 and " + (route.stops().size() + 1)));
        }
        LocalTime arrives = time("arrives", edit.arrives());
        LocalTime departs = time("departs", edit.departs());
        int slot = edit.slotMinutes() == null ? 15 : edit.slotMinutes();
        if (slot < 15 || slot > 60) {
            throw CountersProblem.badVanField("slotMinutes", new Label("15〜60分です。", "15 to 60 minutes"));
        }
        long minutes = Duration.between(arrives, departs).toMinutes();
        if (minutes <= 0 || minutes % slot != 0) {
            throw CountersProblem.badVanField("departs", new Label("到着から出発までは " + slot + " 分の整数倍です。",
                    "the time from arrival to departure is a whole number of " + slot + "-minute slots"));
        }
        Map<String, CounterService> known = offices.services().stream()
                .collect(Collectors.toMap(CounterService::code, Function.identity()));
        List<String> services = edit.services() == null ? List.of() : edit.services();
        if (services.isEmpty()) {
            throw CountersProblem.missing("services");
        }
        for (String service : services) {
            if (!known.containsKey(service)) {
                throw CountersProblem.unknownService(service);
            }
        }
        jdbc.update("""
                update counter_van_stop set facility_id = :facility, name_ja = :ja, name_en = :en, arrives = :arrives,
                    departs = :departs, slot_minutes = :slot
                where id = :id""", new MapSqlParameterSource("facility", edit.facility()).addValue("arrives", arrives)
                .addValue("ja", edit.name() == null ? null : edit.name().ja()).addValue("en", edit.name() == null ? null : edit.name().en())
                .addValue("departs", departs).addValue("slot", slot).addValue("id", id));
        jdbc.update("delete from counter_van_stop_service where stop_id = :id", new MapSqlParameterSource("id", id));
        for (String service : services) {
            jdbc.update("insert into counter_van_stop_service (stop_id, service_id) values (:id, :service)",
                    new MapSqlParameterSource("id", id).addValue("service", known.get(service).id()));
        }
        List<VanStop> inOrder = routes.find(route.code()).stops();
        for (int i = 1; i < inOrder.size(); i++) {
            if (inOrder.get(i).arrives().isBefore(inOrder.get(i - 1).departs())) {
                throw CountersProblem.badVanField("arrives", new Label("前の停車地を出発する前には到着できません。",
                        "a stop cannot start before the one before it ends"));
            }
        }
    }

    /** Positions 1, 2, 3 … again, keeping the order, the stop {@code fixed} (if any) at {@code position}. */
    private void renumber(long routeId, long fixed, int position) {
        List<Long> others = jdbc.queryForList("""
                select id from counter_van_stop where route_id = :route and id <> :fixed order by abs(position), id""",
                new MapSqlParameterSource("route", routeId).addValue("fixed", fixed), Long.class);
        int next = 1;
        for (long other : others) {
            if (next == position) {
                next++;
            }
            jdbc.update("update counter_van_stop set position = :position where id = :id",
                    new MapSqlParameterSource("position", next++).addValue("id", other));
        }
    }

    /** Declares each stop's booking unit with the stop's window on the route's weekdays, and keeps its id. */
    private VanRoute declareUnits(VanRoute route) {
        for (VanStop stop : route.stops()) {
            Map<DayOfWeek, OpeningHours> hours = new LinkedHashMap<>();
            route.weekdays().forEach(day -> hours.put(day, new OpeningHours(stop.arrives(), stop.departs())));
            long unit = units.declare(unitOf(route, stop, hours));
            jdbc.update("update counter_van_stop set booking_unit_id = :unit where id = :id",
                    new MapSqlParameterSource("unit", unit).addValue("id", stop.id()));
        }
        return routes.find(route.code());
    }

    private static BookableUnits.UnitDeclaration unitOf(VanRoute route, VanStop stop,
                                                        Map<DayOfWeek, OpeningHours> hours) {
        return new BookableUnits.UnitDeclaration(stop.place().facilityId(), BookableUnits.COUNTER,
                new Label("移動窓口 " + route.name().ja(), "Counter van: " + route.name().en()), stop.slotMinutes(), 1,
                route.closedOnHolidays(), hours);
    }

    private static Map<String, Object> details(String route, StopEdit edit, int position) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("route", route);
        details.put("position", position);
        details.put("facility", edit.facility());
        details.put("name", edit.name() == null ? null : edit.name().ja());
        details.put("arrives", edit.arrives());
        details.put("departs", edit.departs());
        details.put("services", edit.services());
        return details;
    }

    private static Set<DayOfWeek> weekdays(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw CountersProblem.missing("weekdays");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : names) {
            DayOfWeek day = SHORT_DAYS.get(name.toLowerCase(Locale.ROOT));
            if (day == null) {
                try {
                    day = DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw CountersProblem.badVanField("weekdays", new Label("曜日は mon〜sun です：" + name,
                            "a weekday is mon … sun, not " + name));
                }
            }
            days.add(day);
        }
        return days;
    }

    private static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            throw CountersProblem.missing(field);
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw CountersProblem.badVanField(field, new Label("10:30 のような時刻です。", "a time such as 10:30, not " + text));
        }
    }
}
