package org.chizu.reports.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.platform.Label;
import org.chizu.reports.Pin;
import org.chizu.reports.ReportCategory;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.routing.Routing.Body;
import org.chizu.reports.routing.Routing.SnappedRoad;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides where a report goes: checks that the pin lies in a served municipality, snaps it to the
 * nearest road (or water pipe, for leaks) within the category's tolerance, and applies the first
 * matching rule of {@code report_routing_rule}. The rules are data; this class only evaluates them.
 */
@Component
public class ReportRouter {

    private static final String PIN = "st_transform(st_setsrid(st_makepoint(:lon, :lat), 4326), 6668)";

    private final NamedParameterJdbcTemplate jdbc;
    private final Municipalities municipalities;

    public ReportRouter(NamedParameterJdbcTemplate jdbc, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
    }

    /**
     * @throws ReportProblem (422) when the pin lies outside every loaded municipality
     * @throws IllegalStateException when no rule matches: the rule table lacks its catch-all row
     */
    public Routing route(ReportCategory category, Pin pin) {
        MapSqlParameterSource at = new MapSqlParameterSource().addValue("lon", pin.lon()).addValue("lat", pin.lat())
                .addValue("tolerance", category.snapToleranceMetres());
        String municipality = municipalityAt(pin);
        if (category.snapsToPipes()) {
            List<Map<String, Object>> pipes = jdbc.queryForList("""
                    select p.pipe_id, st_distance(p.geom::geography, pin.geom::geography) as metres
                    from water_pipes p, (select %s as geom) pin
                    where p.geom && st_expand(pin.geom, :tolerance / 111320.0 / cos(radians(:lat)))
                      and st_dwithin(p.geom::geography, pin.geom::geography, :tolerance)
                    order by metres limit 1""".formatted(PIN), at);
            Map<String, Object> pipe = pipes.isEmpty() ? null : pipes.getFirst();
            Body body = rule(category, municipality, pipe == null ? "none" : "pipe", null, null);
            String pipeId = pipe == null ? null : String.valueOf(pipe.get("pipe_id"));
            return new Routing(pin.lon(), pin.lat(), municipality, null, pipeId,
                    pipe == null ? null : ((Number) pipe.get("metres")).doubleValue(), body);
        }
        List<Routing> snapped = jdbc.query("""
                select r.id, r.route_no, r.name, r.road_class, r.administrator,
                       st_distance(r.geom::geography, pin.geom::geography) as metres,
                       st_x(st_closestpoint(r.geom, pin.geom)) as lon, st_y(st_closestpoint(r.geom, pin.geom)) as lat
                from roads r, (select %s as geom) pin
                where r.geom && st_expand(pin.geom, :tolerance / 111320.0 / cos(radians(:lat)))
                  and st_dwithin(r.geom::geography, pin.geom::geography, :tolerance)
                order by metres limit 1""".formatted(PIN), at, (rs, i) -> {
            SnappedRoad road = new SnappedRoad(rs.getLong("id"), rs.getString("route_no"), rs.getString("name"),
                    rs.getString("road_class"), rs.getString("administrator"));
            return new Routing(rs.getDouble("lon"), rs.getDouble("lat"), municipality, road, null,
                    rs.getDouble("metres"), rule(category, municipality, "road_class", road.roadClass(), road.administrator()));
        });
        return snapped.isEmpty()
                ? new Routing(pin.lon(), pin.lat(), municipality, null, null, null, rule(category, municipality, "none", null, null))
                : snapped.getFirst();
    }

    private String municipalityAt(Pin pin) {
        Optional<Municipality> containing = municipalities.containing(pin.lon(), pin.lat());
        // A platform without boundaries yet serves everywhere, as "Is this place safe?" does.
        if (containing.isEmpty() && municipalities.anyLoaded()) {
            throw new ReportProblem(HttpStatus.UNPROCESSABLE_ENTITY, "outside-municipality", "Outside the municipality",
                    new Label("この場所は市の区域外のため受け付けられません。場所の道路管理者・自治体にお知らせください。",
                            "This place is outside the municipality, so the report cannot be accepted here. "
                                    + "Please tell the road administrator or the municipality of that place."));
        }
        return containing.map(Municipality::code).orElse(null);
    }

    /**
     * The body of the first matching rule: of those for every municipality and those for the
     * report's own (several towns may be served side by side), the one of lowest priority number.
     *
     * @param municipality the code of the municipality containing the pin, or null while none is loaded
     * @param snapped      "road_class", "pipe" or "none"
     */
    private Body rule(ReportCategory category, String municipality, String snapped, String roadClass, String administrator) {
        List<Body> bodies = jdbc.query("""
                select body_code, body_name_ja, body_name_en, contact, use_road_administrator
                from report_routing_rule
                where (category is null or category = :category)
                  and (municipality_code is null or municipality_code = :municipality)
                  and (condition = 'any'
                       or (condition = 'road_class' and :snapped = 'road_class' and condition_value = :roadClass)
                       or (condition = 'pipe' and :snapped = 'pipe'))
                order by priority, id limit 1""",
                new MapSqlParameterSource().addValue("category", category.code()).addValue("municipality", municipality)
                        .addValue("snapped", snapped)
                        .addValue("roadClass", roadClass),
                (rs, i) -> {
                    Label name = new Label(rs.getString("body_name_ja"), rs.getString("body_name_en"));
                    if (rs.getBoolean("use_road_administrator") && administrator != null && !administrator.isBlank()) {
                        name = new Label(administrator, rs.getString("body_name_en") + " (" + administrator + ")");
                    }
                    return new Body(rs.getString("body_code"), name, rs.getString("contact"));
                });
        if (bodies.isEmpty()) {
            throw new IllegalStateException("no report_routing_rule matches category " + category.code()
                    + "; the table needs a catch-all rule (condition 'any')");
        }
        return bodies.getFirst();
    }
}
