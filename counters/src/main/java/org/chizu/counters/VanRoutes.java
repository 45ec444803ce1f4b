package org.chizu.counters;

import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The van's routes and stops as they are (tables {@code counter_van_route}, {@code counter_van_stop},
 * {@code counter_van_stop_service}), each stop at its facility of the facilities layer; staff change
 * them through {@link VanRouteEdits}.
 */
@Service
public class VanRoutes {

    private final NamedParameterJdbcTemplate jdbc;
    private final Offices offices;
    private final FacilityPlaces places;
    private final OfficeCalendar calendar;

    public VanRoutes(NamedParameterJdbcTemplate jdbc, Offices offices, FacilityPlaces places, OfficeCalendar calendar) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.places = places;
        this.calendar = calendar;
    }

    /** Every route with its stops in order, by code. */
    public List<VanRoute> all() {
        return read("", new MapSqlParameterSource());
    }

    /** @throws CountersProblem 404 when there is no such route */
    public VanRoute find(String code) {
        return read("where r.code = :code", new MapSqlParameterSource("code", code)).stream().findFirst()
                .orElseThrow(() -> CountersProblem.unknownRoute(code));
    }

    /** @throws CountersProblem 404 when there is no such stop */
    public VanStop stop(long id) {
        String route = jdbc.queryForList("""
                select r.code from counter_van_stop s join counter_van_route r on r.id = s.route_id where s.id = :id""",
                new MapSqlParameterSource("id", id), String.class).stream().findFirst()
                .orElseThrow(() -> CountersProblem.unknownStop(id));
        return find(route).stops().stream().filter(stop -> stop.id() == id).findFirst()
                .orElseThrow(() -> CountersProblem.unknownStop(id));
    }

    /** Whether the route runs on the day, and its working hours then; closed with why otherwise. */
    public OfficeDay day(VanRoute route, LocalDate date) {
        return calendar.day(route.closedOnHolidays(), route.weekly(), date);
    }

    /** The stops the van makes on that day that offer the service, with their routes. */
    public List<VanStop> servingOn(LocalDate date, String serviceCode) {
        return all().stream().filter(route -> day(route, date).open())
                .flatMap(route -> route.stops().stream()).filter(stop -> stop.offers(serviceCode)).toList();
    }

    private List<VanRoute> read(String where, MapSqlParameterSource parameters) {
        record RouteRow(long id, String code, Label name, Set<DayOfWeek> weekdays, boolean closedOnHolidays) {
        }
        record StopRow(long id, long route, int position, long facility, String ja, String en, LocalTime arrives, LocalTime departs,
                       int slot, Long unit) {
        }
        List<RouteRow> routes = jdbc.query("""
                select r.id, r.code, r.name_ja, r.name_en, r.weekdays, r.closed_on_holidays from counter_van_route r
                %s order by r.code""".formatted(where), parameters, (rs, n) -> {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (Object day : (Object[]) rs.getArray("weekdays").getArray()) {
                days.add(DayOfWeek.of(((Number) day).intValue()));
            }
            return new RouteRow(rs.getLong("id"), rs.getString("code"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                    days, rs.getBoolean("closed_on_holidays"));
        });
        if (routes.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", routes.stream().map(RouteRow::id).toList());
        List<StopRow> stops = jdbc.query("""
                select id, route_id, position, facility_id, name_ja, name_en, arrives, departs, slot_minutes, booking_unit_id
                from counter_van_stop where route_id in (:ids) order by route_id, position""", ids,
                (rs, n) -> new StopRow(rs.getLong("id"), rs.getLong("route_id"), rs.getInt("position"), rs.getLong("facility_id"),
                        rs.getString("name_ja"), rs.getString("name_en"), rs.getObject("arrives", LocalTime.class), rs.getObject("departs", LocalTime.class),
                        rs.getInt("slot_minutes"), rs.getObject("booking_unit_id", Long.class)));
        Map<Long, CounterService> services = offices.services().stream()
                .collect(Collectors.toMap(CounterService::id, Function.identity()));
        Map<Long, List<CounterService>> offered = new HashMap<>();
        jdbc.query("""
                select ss.stop_id, ss.service_id from counter_van_stop_service ss join counter_van_stop s on s.id = ss.stop_id
                join counter_service sv on sv.id = ss.service_id
                where s.route_id in (:ids) order by sv.prefix""", ids, (ResultSet rs) -> {
            offered.computeIfAbsent(rs.getLong("stop_id"), stop -> new ArrayList<>()).add(services.get(rs.getLong("service_id")));
        });
        Map<Long, Office.Place> at = places.of(stops.stream().map(StopRow::facility).distinct().toList());
        List<VanRoute> result = new ArrayList<>();
        for (RouteRow route : routes) {
            List<VanStop> ofRoute = stops.stream().filter(stop -> stop.route() == route.id() && at.containsKey(stop.facility()))
                    .map(stop -> new VanStop(stop.id(), route.code(), stop.position(), stop.ja() == null
                            ? new Label(at.get(stop.facility()).name(), at.get(stop.facility()).name()) : new Label(stop.ja(), stop.en()),
                            at.get(stop.facility()), stop.arrives(),
                            stop.departs(), stop.slot(), offered.getOrDefault(stop.id(), List.of()), stop.unit()))
                    .toList();
            result.add(new VanRoute(route.id(), route.code(), route.name(), route.weekdays(), route.closedOnHolidays(), ofRoute));
        }
        return result;
    }
}
