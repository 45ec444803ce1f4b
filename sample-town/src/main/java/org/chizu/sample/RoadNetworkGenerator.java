package org.chizu.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town's road ledger (道路台帳): national routes through the centre, prefectural roads out to
 * the villages, municipal roads between the shelters and a street grid in the centre. Each road
 * is clipped to the town's land and stored as segments of about {@value #SEGMENT_METRES} m, as a
 * road ledger divides routes into sections. (A road is cut into equal lengths in degrees, so a
 * segment running north–south is up to a fifth longer than one running east–west.)
 */
final class RoadNetworkGenerator {

    static final double SEGMENT_METRES = 250;
    /** Villages nearer the centre than this are reached by the municipal roads alone. */
    private static final double OUTLYING_METRES = 3_500;
    /** A village this near the network needs no prefectural road of its own. */
    private static final double SERVED_METRES = 1_200;
    private static final double GRID_RADIUS_METRES = 1_300;
    private static final double GRID_SPACING_METRES = 220;
    /** Clipping leaves bits of road where a line grazes the boundary; shorter ones are dropped. */
    private static final double SHORTEST_PIECE_METRES = 20;

    /** One road (路線) before clipping and segmenting. */
    private record Road(String routeNo, String name, String roadClass, String administrator,
                        double widthMetres, String surface, List<LonLat> line) {
    }

    private final JdbcTemplate jdbc;

    RoadNetworkGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void generate(Town town, LonLat centre, List<Shelter> shelters) {
        Random random = town.random("roads");
        List<Road> roads = new ArrayList<>(nationalRoutes(town, centre, random));
        roads.addAll(prefecturalRoads(town, centre, shelters, roads, random));
        MunicipalRoadNames names = new MunicipalRoadNames();
        roads.addAll(municipalRoads(town, shelters, names, random));
        roads.addAll(centreGrid(town, centre, shelters, names, random));
        jdbc.batchUpdate("""
                insert into roads (route_no, name, road_class, administrator, width_m, surface, geom)
                select ?, ?, ?, ?, ?, ?, st_multi(st_linesubstring(part.geom, piece / n.pieces, (piece + 1) / n.pieces))
                from sample_town t
                cross join lateral st_dump(st_linemerge(st_collectionextract(
                    st_intersection(st_geomfromtext(?, 6668), t.land), 2))) part
                cross join lateral (select ceil(st_length(part.geom::geography) / ?) as pieces) n
                cross join lateral generate_series(0, n.pieces::integer - 1) piece
                where t.code = ? and st_length(part.geom::geography) >= ?
                order by part.path, piece""",
                roads.stream().map(road -> new Object[] {road.routeNo(), road.name(), road.roadClass(), road.administrator(),
                        road.widthMetres(), road.surface(), LonLat.lineWkt(road.line()), SEGMENT_METRES, town.code(),
                        SHORTEST_PIECE_METRES}).toList());
    }

    private List<Road> nationalRoutes(Town town, LonLat centre, Random random) {
        List<Road> roads = new ArrayList<>();
        for (Town.NationalRoute route : town.nationalRoutes()) {
            List<LonLat> waypoints = new ArrayList<>(route.beforeCentre());
            waypoints.add(centre);
            waypoints.addAll(route.afterCentre());
            boolean governmentRoad = route.administrator().startsWith("国土交通省");
            roads.add(new Road(route.number(), "国道" + route.number() + "号", "national", route.administrator(),
                    governmentRoad ? 11.0 : 7.5, "asphalt", Meander.through(waypoints, 0.04, random)));
        }
        return roads;
    }

    /**
     * A prefectural road to each outlying village the network does not yet reach, nearest village
     * first, each starting from the nearest point of the roads built so far.
     */
    private List<Road> prefecturalRoads(Town town, LonLat centre, List<Shelter> shelters, List<Road> trunk, Random random) {
        LocalPlane plane = new LocalPlane(centre);
        List<LonLat> network = new ArrayList<>(trunk.stream().flatMap(road -> road.line().stream()).toList());
        Map<String, LonLat> villages = villages(town, shelters);
        List<Map.Entry<String, LonLat>> outlying = villages.entrySet().stream()
                .filter(v -> plane.distance(centre, v.getValue()) > OUTLYING_METRES)
                .sorted(Comparator.comparingDouble((Map.Entry<String, LonLat> v) -> plane.distance(centre, v.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
        List<Road> roads = new ArrayList<>();
        for (Map.Entry<String, LonLat> village : outlying) {
            LonLat from = network.stream()
                    .min(Comparator.comparingDouble(point -> plane.distance(point, village.getValue()))).orElse(centre);
            if (plane.distance(from, village.getValue()) <= SERVED_METRES) {
                continue;
            }
            int number = town.firstPrefecturalRouteNo() + roads.size();
            List<LonLat> line = Meander.through(List.of(from, village.getValue()), 0.08, random);
            roads.add(new Road(String.valueOf(number),
                    "県道" + number + "号 " + town.shortName() + VillageNames.shortName(village.getKey()) + "線",
                    "prefectural", town.prefecturalOffice(), 5.5 + random.nextInt(4) * 0.5, "asphalt", line));
            network.addAll(line);
        }
        return roads;
    }

    /** The middle of each district's shelters, by district, in the order districts first appear. */
    private static Map<String, LonLat> villages(Town town, List<Shelter> shelters) {
        Map<String, List<LonLat>> byDistrict = new LinkedHashMap<>();
        for (Shelter shelter : shelters) {
            byDistrict.computeIfAbsent(shelter.district(town), d -> new ArrayList<>()).add(shelter.location());
        }
        Map<String, LonLat> villages = new LinkedHashMap<>();
        byDistrict.forEach((district, points) -> villages.put(district, new LonLat(
                points.stream().mapToDouble(LonLat::lon).average().orElseThrow(),
                points.stream().mapToDouble(LonLat::lat).average().orElseThrow())));
        return villages;
    }

    private List<Road> municipalRoads(Town town, List<Shelter> shelters, MunicipalRoadNames names, Random random) {
        ShelterLinks links = new ShelterLinks(shelters);
        List<Road> roads = new ArrayList<>();
        for (ShelterLinks.Link link : links.links()) {
            Shelter from = links.places().get(link.from());
            Shelter to = links.places().get(link.to());
            roads.add(municipalRoad(town, names.next(from.district(town)),
                    Meander.through(List.of(from.location(), to.location()), 0.1, random), random));
        }
        return roads;
    }

    /** Straight streets on a slightly turned grid within a circle around the centre. */
    private List<Road> centreGrid(Town town, LonLat centre, List<Shelter> shelters, MunicipalRoadNames names, Random random) {
        LocalPlane plane = new LocalPlane(centre);
        String district = shelters.stream()
                .min(Comparator.comparingDouble(s -> plane.distance(centre, s.location())))
                .orElseThrow().district(town);
        double turn = Math.toRadians(random.nextDouble() * 30);
        List<Road> roads = new ArrayList<>();
        for (double direction : new double[] {turn, turn + Math.PI / 2}) {
            double ux = Math.cos(direction);
            double uy = Math.sin(direction);
            for (double offset = -GRID_RADIUS_METRES + GRID_SPACING_METRES / 2; offset < GRID_RADIUS_METRES; offset += GRID_SPACING_METRES) {
                double half = Math.sqrt(GRID_RADIUS_METRES * GRID_RADIUS_METRES - offset * offset);
                LonLat from = plane.toLonLat(new LocalPlane.Xy(-uy * offset - ux * half, ux * offset - uy * half));
                LonLat to = plane.toLonLat(new LocalPlane.Xy(-uy * offset + ux * half, ux * offset + uy * half));
                roads.add(municipalRoad(town, names.next(district), List.of(from, to), random));
            }
        }
        return roads;
    }

    private static Road municipalRoad(Town town, MunicipalRoadNames.Name name, List<LonLat> line, Random random) {
        double draw = random.nextDouble();
        String surface = draw < 0.80 ? "asphalt" : draw < 0.92 ? "concrete" : draw < 0.98 ? "gravel" : "unpaved";
        return new Road(name.routeNo(), name.name(), "municipal", town.municipalRoadOffice(),
                3.0 + random.nextInt(7) * 0.5, surface, line);
    }

    /** Municipal road names, numbered through the town and within each district: 市道 都茂2号線. */
    private static final class MunicipalRoadNames {

        record Name(String routeNo, String name) {
        }

        private final Map<String, Integer> perDistrict = new HashMap<>();
        private int routes;

        Name next(String district) {
            String place = VillageNames.shortName(district);
            int inDistrict = perDistrict.merge(place, 1, Integer::sum);
            routes++;
            return new Name(String.valueOf(routes), "市道 " + place + inDistrict + "号線");
        }
    }
}
