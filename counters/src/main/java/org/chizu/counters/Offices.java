package org.chizu.counters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.platform.Label;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The offices with their places, hours and services (tables {@code counter_office}, {@code counter_service}
 * and theirs). The place comes from the facilities layer as the layer registry declares it: its table,
 * id and geometry columns and the attributes {@code name} and {@code address}.
 */
@Repository
public class Offices {

    static final String FACILITIES = "facilities";

    private final NamedParameterJdbcTemplate jdbc;
    private final LayerRegistry registry;

    public Offices(NamedParameterJdbcTemplate jdbc, LayerRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** Every office, by name. */
    public List<Office> all() {
        return read("", new MapSqlParameterSource());
    }

    /**
     * @throws CountersProblem 404 when there is no office with this code
     */
    public Office find(String code) {
        List<Office> found = read("where o.code = :code", new MapSqlParameterSource("code", code));
        if (found.isEmpty()) {
            throw CountersProblem.unknownOffice(code);
        }
        return found.getFirst();
    }

    /** The offices that handle the service, by name; none for an unknown service. */
    public List<Office> offering(String serviceCode) {
        return read("""
                where exists (select 1 from counter_office_service os join counter_service s on s.id = os.service_id
                              where os.office_id = o.id and s.code = :service)""",
                new MapSqlParameterSource("service", serviceCode));
    }

    /**
     * @throws CountersProblem 404 when there is no service with this code
     */
    public CounterService service(String code) {
        return services().stream().filter(service -> service.code().equals(code)).findFirst()
                .orElseThrow(() -> CountersProblem.unknownService(code));
    }

    /** Every service, with its documents, by prefix. */
    public List<CounterService> services() {
        Map<Long, List<Label>> documents = new HashMap<>();
        jdbc.query("select service_id, name_ja, name_en from counter_service_document order by service_id, position",
                (ResultSet rs) -> {
                    documents.computeIfAbsent(rs.getLong("service_id"), id -> new ArrayList<>())
                            .add(new Label(rs.getString("name_ja"), rs.getString("name_en")));
                });
        return jdbc.query("select id, code, prefix, name_ja, name_en, typical_minutes from counter_service order by prefix",
                (rs, n) -> new CounterService(rs.getLong("id"), rs.getString("code"), rs.getString("prefix"),
                        new Label(rs.getString("name_ja"), rs.getString("name_en")), rs.getInt("typical_minutes"),
                        List.copyOf(documents.getOrDefault(rs.getLong("id"), List.of()))));
    }

    private List<Office> read(String where, MapSqlParameterSource parameters) {
        Layer facilities = registry.find(FACILITIES)
                .orElseThrow(() -> new IllegalStateException("counters need the layer " + FACILITIES));
        String geometry = "f." + SqlIdentifiers.quote(facilities.geometry().column());
        String sql = """
                select o.id, o.code, o.name_ja, o.name_en, o.remote_tickets, o.closed_on_holidays, o.facility_id,
                       f.%s as facility_name, f.%s as address, st_x(%s) as lon, st_y(%s) as lat
                from counter_office o join %s f on f.%s = o.facility_id
                %s
                order by o.id""".formatted(SqlIdentifiers.quote("name"), SqlIdentifiers.quote("address"), geometry, geometry,
                SqlIdentifiers.quote(facilities.table()), SqlIdentifiers.quote(facilities.idColumn()), where);
        List<OfficeRow> rows = jdbc.query(sql, parameters, Offices::row);
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", rows.stream().map(OfficeRow::id).toList());
        Map<Long, Map<DayOfWeek, OpeningHours>> hours = new HashMap<>();
        jdbc.query("select office_id, weekday, opens, closes from counter_office_hours where office_id in (:ids)", ids,
                (ResultSet rs) -> {
                    hours.computeIfAbsent(rs.getLong("office_id"), id -> new EnumMap<>(DayOfWeek.class))
                            .put(DayOfWeek.of(rs.getInt("weekday")), new OpeningHours(
                                    rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)));
                });
        Map<Long, CounterService> services = new HashMap<>();
        services().forEach(service -> services.put(service.id(), service));
        Map<Long, List<CounterService>> offered = new HashMap<>();
        jdbc.query("""
                select os.office_id, os.service_id from counter_office_service os join counter_service s on s.id = os.service_id
                where os.office_id in (:ids) order by s.prefix""", ids, (ResultSet rs) -> {
            offered.computeIfAbsent(rs.getLong("office_id"), id -> new ArrayList<>()).add(services.get(rs.getLong("service_id")));
        });
        return rows.stream().map(row -> new Office(row.id(), row.code(), row.name(), row.place(), row.remoteTickets(),
                row.closedOnHolidays(), hours.getOrDefault(row.id(), Map.of()), List.copyOf(offered.getOrDefault(row.id(), List.of()))))
                .toList();
    }

    private record OfficeRow(long id, String code, Label name, Office.Place place, boolean remoteTickets, boolean closedOnHolidays) {
    }

    private static OfficeRow row(ResultSet rs, int n) throws SQLException {
        return new OfficeRow(rs.getLong("id"), rs.getString("code"), new Label(rs.getString("name_ja"), rs.getString("name_en")),
                new Office.Place(rs.getLong("facility_id"), rs.getString("facility_name"), rs.getString("address"),
                        rs.getDouble("lon"), rs.getDouble("lat")),
                rs.getBoolean("remote_tickets"), rs.getBoolean("closed_on_holidays"));
    }
}
