package org.chizu.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * The ground of the sample town when the real public data is not at hand: each town's approximate
 * outline (a simple polygon around its real extent) and generated shelters, a dense cluster at
 * the town centre and a few in each of a scattering of villages.
 */
final class GeneratedGeography {

    private static final int CENTRE_SHELTERS = 18;
    private static final double CENTRE_RADIUS_METRES = 1_200;
    private static final double VILLAGE_SPACING_METRES = 3_000;
    private static final double VILLAGE_RADIUS_METRES = 250;

    private final GeometryFactory geometries = new GeometryFactory();

    SampleGeography generate() {
        List<Municipality> municipalities = new ArrayList<>();
        Map<String, List<Shelter>> shelters = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            Polygon outline = outline(town);
            GeoJsonWriter geoJson = new GeoJsonWriter();
            geoJson.setEncodeCRS(false);
            municipalities.add(new Municipality(town.code(), town.nameJa(), town.nameEn(), geoJson.write(outline)));
            shelters.put(town.code(), shelters(town, outline));
        }
        return new SampleGeography(municipalities, shelters, false);
    }

    private Polygon outline(Town town) {
        try {
            return (Polygon) new WKTReader(geometries).read(LonLat.polygonWkt(town.approximateOutline()));
        } catch (ParseException e) {
            throw new IllegalStateException("the approximate outline of " + town.nameJa() + " is malformed", e);
        }
    }

    private List<Shelter> shelters(Town town, Polygon outline) {
        Random random = town.random("shelters");
        LocalPlane plane = new LocalPlane(town.centreHint());
        List<Shelter> shelters = new ArrayList<>();
        String[] centreFacilities = {"市民体育館", "中央公民館", "中央小学校", "第一中学校", "市役所前広場", "図書館"};
        for (int i = 0; i < CENTRE_SHELTERS; i++) {
            LonLat at = pointNear(plane, new LocalPlane.Xy(0, 0), CENTRE_RADIUS_METRES, outline, random);
            String facility = centreFacilities[i % centreFacilities.length] + (i < centreFacilities.length ? "" : "（" + (i / centreFacilities.length + 1) + "）");
            shelters.add(shelter(town, shelters.size(), facility, "中央町", at, false, random));
        }
        List<LocalPlane.Xy> villages = new ArrayList<>(List.of(new LocalPlane.Xy(0, 0)));
        for (String village : town.villageNames()) {
            LocalPlane.Xy place = villagePlace(plane, outline, villages, random);
            villages.add(place);
            boolean caution = random.nextDouble() < 0.35;
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                LonLat at = pointNear(plane, place, VILLAGE_RADIUS_METRES, outline, random);
                String facility = village + new String[] {"公民館", "小学校（体育館）", "小学校（グラウンド）"}[i]
                        + (caution ? "【土砂災害注意】" : "");
                shelters.add(shelter(town, shelters.size(), facility, village + "町", at, caution, random));
            }
        }
        return List.copyOf(shelters);
    }

    private Shelter shelter(Town town, int index, String facility, String district, LonLat at, boolean caution, Random random) {
        boolean ground = facility.contains("グラウンド") || facility.contains("広場");
        Shelter.Designation designation = ground
                ? new Shelter.Designation(random.nextBoolean(), !caution, false, true, random.nextBoolean(), true, random.nextBoolean(), false)
                : null;
        return new Shelter(String.format(Locale.ROOT, "SAMPLE-%s-%03d", town.code(), index + 1),
                ground ? Shelter.EMERGENCY_EVACUATION_SITE : Shelter.DESIGNATED_SHELTER, facility,
                "島根県" + town.nameJa() + district + (1 + random.nextInt(2000)), at, designation);
    }

    /** A place inside the outline at least the village spacing from every earlier village. */
    private LocalPlane.Xy villagePlace(LocalPlane plane, Polygon outline, List<LocalPlane.Xy> taken, Random random) {
        var box = outline.getEnvelopeInternal();
        LocalPlane.Xy min = plane.toPlane(new LonLat(box.getMinX(), box.getMinY()));
        LocalPlane.Xy max = plane.toPlane(new LonLat(box.getMaxX(), box.getMaxY()));
        LocalPlane.Xy best = null;
        for (int attempt = 0; attempt < 500; attempt++) {
            LocalPlane.Xy candidate = new LocalPlane.Xy(min.x() + random.nextDouble() * (max.x() - min.x()),
                    min.y() + random.nextDouble() * (max.y() - min.y()));
            if (!inside(plane, candidate, outline)) {
                continue;
            }
            best = candidate;
            if (taken.stream().allMatch(other -> other.distanceTo(candidate) >= VILLAGE_SPACING_METRES)) {
                return candidate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no room for a village in the outline");
        }
        return best;
    }

    /** A random point within the radius of the centre and inside the outline; the centre itself must be inside. */
    private LonLat pointNear(LocalPlane plane, LocalPlane.Xy centre, double radius, Polygon outline, Random random) {
        while (true) {
            double angle = random.nextDouble() * 2 * Math.PI;
            double distance = radius * Math.sqrt(random.nextDouble());
            LocalPlane.Xy candidate = new LocalPlane.Xy(centre.x() + distance * Math.cos(angle), centre.y() + distance * Math.sin(angle));
            if (inside(plane, candidate, outline)) {
                return plane.toLonLat(candidate);
            }
        }
    }

    private boolean inside(LocalPlane plane, LocalPlane.Xy point, Polygon outline) {
        LonLat at = plane.toLonLat(point);
        return outline.contains(geometries.createPoint(new Coordinate(at.lon(), at.lat())));
    }
}
