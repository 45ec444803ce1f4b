package org.chizu.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A town's hazard zones:
 * <ul>
 * <li>flood zones (洪水浸水想定区域) along each river, one per depth class, deepest nearest the river;</li>
 * <li>a tsunami zone (津波浸水想定区域) along the coast;</li>
 * <li>landslide warning zones (土砂災害警戒区域) where wooded slopes meet the settlements: a debris
 * fan reaching each shelter the town warns about (【土砂災害注意】, or not designated for
 * landslides), and steep slopes above rural roads that pass close to the forest; about half of
 * them hold a special warning zone (特別警戒区域) near the slope, short of the shelter.</li>
 * </ul>
 * So some real shelters lie inside a landslide zone and most lie outside, as in the towns
 * themselves.
 */
final class HazardZoneGenerator {

    private static final String LANDSLIDE_SOURCE = "島根県 土砂災害警戒区域等の指定（サンプル：生成データ）";
    private static final String FLOOD_SOURCE = "島根県 洪水浸水想定区域図（サンプル：生成データ）";
    private static final String TSUNAMI_SOURCE = "島根県 津波浸水想定（サンプル：生成データ）";
    /** Every this-many-th rural road segment is looked at for a slope above it. */
    private static final int ROAD_SAMPLING = 6;
    private static final double ROAD_SLOPE_REACH_METRES = 200;

    /**
     * A fan-shaped zone from a foot (a shelter or a road) up a slope: the hull of a circle at the
     * foot and a larger one at the head.
     */
    private record Fan(String name, LonLat foot, double footRadius, LonLat head, double headRadius, boolean special) {
    }

    /** The direction and distance from a place to the nearest forest edge. */
    private record ForestEdge(double distance, Double azimuth) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    HazardZoneGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    void generate(Town town, List<Shelter> shelters) {
        Random random = town.random("hazard zones");
        floods(town, random);
        tsunami(town, random);
        landslides(town, shelters, random);
    }

    private void floods(Town town, Random random) {
        jdbc.update("""
                insert into hazard_zones (kind, flood_depth_class, name, source, designated_on, geom)
                select 'flood', band.depth_class, band.river || ' 洪水浸水想定区域（想定最大規模）', ?, ?,
                       st_multi(st_collectionextract(coalesce(st_difference(band.geom, deeper.geom), band.geom), 3))
                from sample_floodplain band
                left join sample_floodplain deeper
                       on deeper.code = band.code and deeper.river = band.river and deeper.band = band.band - 1
                where band.code = ?
                order by band.river, band.band""",
                FLOOD_SOURCE, designationDate(random), town.code());
    }

    private void tsunami(Town town, Random random) {
        jdbc.update("""
                insert into hazard_zones (kind, name, source, designated_on, geom)
                select 'tsunami', ?, ?, ?,
                       st_multi(st_collectionextract(st_intersection(t.land, st_setsrid(st_buffer(t.coast::geography, ?)::geometry, 6668)), 3))
                from sample_town t
                where t.code = ? and not st_isempty(t.coast)""",
                town.coastName() + "沿岸 津波浸水想定区域", TSUNAMI_SOURCE, designationDate(random),
                town.tsunamiReachMetres(), town.code());
    }

    private void landslides(Town town, List<Shelter> shelters, Random random) {
        List<Shelter> warned = ShelterLinks.distinctPlaces(shelters.stream().filter(Shelter::landslideCaution).toList());
        List<LonLat> roadFeet = roadFeet(town);
        List<LonLat> feet = new ArrayList<>(warned.stream().map(Shelter::location).toList());
        feet.addAll(roadFeet);
        List<ForestEdge> edges = nearestForests(feet);
        List<Fan> fans = new ArrayList<>();
        for (int i = 0; i < warned.size(); i++) {
            Shelter shelter = warned.get(i);
            double reach = Math.clamp(edges.get(i).distance() + 80, 250, 500);
            fans.add(fan(VillageNames.shortName(shelter.district(town)) + "の渓流（土石流）",
                    shelter.location(), 70, edges.get(i), reach, 150, random));
        }
        for (int i = 0; i < roadFeet.size(); i++) {
            ForestEdge edge = edges.get(warned.size() + i);
            if (edge.distance() <= ROAD_SLOPE_REACH_METRES) {
                LonLat foot = roadFeet.get(i);
                fans.add(fan(VillageNames.shortName(nearestDistrict(town, shelters, foot)) + "地区（急傾斜地の崩壊）",
                        foot, 40, edge, edge.distance() + 120, 110, random));
            }
        }
        insert(town, fans, random);
    }

    private static Fan fan(String name, LonLat foot, double footRadius, ForestEdge edge, double reach, double headRadius, Random random) {
        // A place inside the forest has no direction to its edge; the slope then rises any way.
        double azimuth = edge.azimuth() != null ? edge.azimuth() : random.nextDouble() * 2 * Math.PI;
        LocalPlane plane = new LocalPlane(foot);
        LonLat head = plane.toLonLat(new LocalPlane.Xy(reach * Math.sin(azimuth), reach * Math.cos(azimuth)));
        return new Fan(name, foot, footRadius, head, headRadius, random.nextBoolean());
    }

    /** Midpoints of every sixth prefectural or municipal road segment outside the town centre. */
    private List<LonLat> roadFeet(Town town) {
        return jdbc.query("""
                select st_x(foot), st_y(foot) from (
                    select st_lineinterpolatepoint(st_geometryn(r.geom, 1), 0.5) as foot, row_number() over (order by r.id) as n
                    from roads r join sample_town t on r.geom && t.land
                    where t.code = ? and r.road_class <> 'national'
                      and not st_dwithin(r.geom::geography, t.centre::geography, ?)
                ) candidate
                where n % ? = 0
                order by n""",
                (rs, i) -> new LonLat(rs.getDouble(1), rs.getDouble(2)),
                town.code(), ForestGenerator.CENTRE_CLEARING_METRES, ROAD_SAMPLING);
    }

    /** The nearest forest edge of each place, in the order given. */
    private List<ForestEdge> nearestForests(List<LonLat> places) {
        return jdbc.query("""
                select edge.distance, edge.azimuth
                from unnest(?::float8[], ?::float8[]) with ordinality as place (lon, lat, n)
                cross join lateral (select st_setsrid(st_point(place.lon, place.lat), 6668) as at) p
                cross join lateral (
                    select st_distance(f.geom::geography, p.at::geography) as distance,
                           st_azimuth(p.at::geography, st_closestpoint(f.geom, p.at)::geography) as azimuth
                    from forests f
                    order by f.geom <-> p.at, f.id
                    limit 1) edge
                order by place.n""",
                (rs, i) -> new ForestEdge(rs.getDouble(1), (Double) rs.getObject(2)),
                places.stream().mapToDouble(LonLat::lon).toArray(), places.stream().mapToDouble(LonLat::lat).toArray());
    }

    private static String nearestDistrict(Town town, List<Shelter> shelters, LonLat place) {
        LocalPlane plane = new LocalPlane(place);
        return shelters.stream().min(Comparator.comparingDouble(s -> plane.distance(place, s.location())))
                .orElseThrow().district(town);
    }

    /**
     * Inserts each fan's warning zone and, for a special fan, its special warning zone: the upper
     * part of the fan from a little past its middle to the head, kept inside the warning zone.
     */
    private void insert(Town town, List<Fan> fans, Random random) {
        named.batchUpdate("""
                with warning as (
                    insert into hazard_zones (kind, name, source, designated_on, geom)
                    select 'landslide_warning', :name, :source, :designatedOn, zone.geom
                    from sample_town t
                    cross join lateral (select st_multi(st_collectionextract(st_intersection(t.land, st_convexhull(st_collect(
                               st_setsrid(st_buffer(st_setsrid(st_point(:footLon, :footLat), 6668)::geography, :footRadius)::geometry, 6668),
                               st_setsrid(st_buffer(st_setsrid(st_point(:headLon, :headLat), 6668)::geography, :headRadius)::geometry, 6668)))), 3)) as geom) zone
                    where t.code = :code and not st_isempty(zone.geom)
                    returning geom
                )
                insert into hazard_zones (kind, name, source, designated_on, geom)
                select 'landslide_special_warning', :name, :source, :designatedOn, special.geom
                from warning
                cross join lateral (select st_multi(st_collectionextract(st_intersection(warning.geom, st_convexhull(st_collect(
                           st_setsrid(st_buffer(st_setsrid(st_point(:middleLon, :middleLat), 6668)::geography, :footRadius * 0.6)::geometry, 6668),
                           st_setsrid(st_buffer(st_setsrid(st_point(:headLon, :headLat), 6668)::geography, :headRadius * 0.7)::geometry, 6668)))), 3)) as geom) special
                where :special and not st_isempty(special.geom)""",
                fans.stream().map(fan -> parameters(town, fan, designationDate(random))).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource parameters(Town town, Fan fan, LocalDate designatedOn) {
        LocalPlane plane = new LocalPlane(fan.foot());
        LonLat middle = plane.toLonLat(plane.toPlane(fan.foot()).towards(plane.toPlane(fan.head()), 0.55));
        return new MapSqlParameterSource()
                .addValue("code", town.code()).addValue("name", fan.name()).addValue("source", LANDSLIDE_SOURCE)
                .addValue("designatedOn", designatedOn)
                .addValue("footLon", fan.foot().lon()).addValue("footLat", fan.foot().lat()).addValue("footRadius", fan.footRadius())
                .addValue("headLon", fan.head().lon()).addValue("headLat", fan.head().lat()).addValue("headRadius", fan.headRadius())
                .addValue("middleLon", middle.lon()).addValue("middleLat", middle.lat())
                .addValue("special", fan.special());
    }

    /** A day between 2005 and 2022, when Shimane designated most of its zones. */
    private static LocalDate designationDate(Random random) {
        return LocalDate.of(2005, 1, 1).plusDays(random.nextInt(18 * 365));
    }
}
