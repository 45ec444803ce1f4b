package org.chizu.sensors.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The area of each datastream's alerts, read from the layers {@code hazard_zones}, {@code facilities}
 * and {@code roads} (everyone's to read). The rule for shelters: those of kind 指定避難所 or
 * 指定緊急避難場所 designated for a watched zone's hazard (landslide zones: 崖崩れ・土石流及び地滑り;
 * flood zones: 洪水; tsunami zones: 津波), within {@code chizu.sensors.alerts.shelter-distance} of the
 * zone, nearest first; the designation, not the position, says whether a shelter inside a zone is safe.
 */
@Component
class AlertAreas {

    private static final String WATCHED = """
            with watched as (
                select d.id as datastream_id, zone.value::bigint as zone_id
                from sta_datastream d
                join sta_thing t on t.id = d.thing_id
                cross join lateral jsonb_array_elements(case when jsonb_typeof(t.properties -> 'hazardZones') = 'array'
                                                             then t.properties -> 'hazardZones' else '[]'::jsonb end) zone
                where d.id = any(?) and jsonb_typeof(zone.value) = 'number')
            """;

    private final JdbcTemplate jdbc;
    private final AlertsProperties properties;

    AlertAreas(JdbcTemplate jdbc, AlertsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The area of each of these datastreams; a datastream whose Thing watches no zone has none. */
    Map<Long, AlertArea> of(Collection<Long> datastreams) {
        Object ids = datastreams.toArray(Long[]::new);
        Map<Long, List<AlertArea.Zone>> zones = new HashMap<>();
        jdbc.query(WATCHED + """
                select w.datastream_id, h.id, h.kind, h.name,
                       array(select ring from (
                                 select string_agg(trim_scale(round(st_y(point.geom)::numeric, 6)) || ',' || trim_scale(round(st_x(point.geom)::numeric, 6)), ' '
                                                   order by point.path) as ring, count(*) as points
                                 from st_dump(st_transform(h.geom, 4326)) part
                                 cross join lateral st_dumppoints(st_exteriorring(part.geom)) point
                                 group by part.path) rings where points >= 4)
                from watched w join hazard_zones h on h.id = w.zone_id
                order by w.datastream_id, h.id""", row -> {
            zones.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new AlertArea.Zone(row.getLong(2), row.getString(3),
                    row.getString(4), Arrays.asList((String[]) row.getArray(5).getArray())));
        }, ids);
        Map<Long, List<AlertArea.Shelter>> shelters = new HashMap<>();
        jdbc.query(WATCHED + """
                select w.datastream_id, f.id, f.name, f.kind, f.address, f.capacity,
                       min(st_distance(f.geom::geography, h.geom::geography)) as distance, st_x(f.geom), st_y(f.geom)
                from watched w
                join hazard_zones h on h.id = w.zone_id
                join facilities f on f.kind in ('designated_shelter', 'emergency_evacuation_site')
                     and ((h.kind in ('landslide_warning', 'landslide_special_warning') and f.for_landslide)
                          or (h.kind = 'flood' and f.for_flood) or (h.kind = 'tsunami' and f.for_tsunami))
                     and st_dwithin(f.geom::geography, h.geom::geography, ?)
                group by w.datastream_id, f.id
                order by w.datastream_id, distance, f.id""", row -> {
            shelters.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new AlertArea.Shelter(row.getLong(2), row.getString(3),
                    row.getString(4), row.getString(5), (Integer) row.getObject(6), Math.round(row.getDouble(7)), row.getDouble(8), row.getDouble(9)));
        }, ids, properties.shelterDistance());
        Map<Long, List<AlertArea.Road>> roads = new HashMap<>();
        jdbc.query(WATCHED + """
                select w.datastream_id, r.name, r.route_no, r.road_class, count(distinct r.id)::int
                from watched w
                join hazard_zones h on h.id = w.zone_id
                join roads r on st_intersects(r.geom, h.geom)
                group by w.datastream_id, r.name, r.route_no, r.road_class
                order by w.datastream_id, array_position(array['national', 'prefectural', 'municipal'], r.road_class), r.route_no, r.name""", row -> {
            roads.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(new AlertArea.Road(row.getString(2), row.getString(3),
                    row.getString(4), row.getInt(5)));
        }, ids);
        Map<Long, AlertArea> areas = new LinkedHashMap<>();
        for (Long datastream : datastreams) {
            areas.put(datastream, new AlertArea(zones.getOrDefault(datastream, List.of()), shelters.getOrDefault(datastream, List.of()),
                    roads.getOrDefault(datastream, List.of())));
        }
        return areas;
    }
}
