package org.chizu.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.chizu.sensors.MultiObservations;
import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.Observations;
import org.chizu.sensors.SensorThings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sample town's sensors, placed through the SensorThings API as a town's installer would:
 * soil-moisture sensors (土壌水分計) on the slopes of the largest landslide warning zones, one
 * water-level gauge (水位観測所) per river where it floods, with the four national levels, and a
 * rain gauge (雨量計) at each town centre watching the same slopes, and a weather station (気象観測所)
 * at a 公民館 of 益田市 reporting air temperature, humidity and ten-minute rainfall together in one
 * MultiDatastream; then a quiet day of readings every ten minutes up to now. Each Thing watches its hazard zones ({@code properties.hazardZones}),
 * from which alerts learn their shelters and roads.
 */
final class SampleSensors {

    /** Readings come every ten minutes, as from the prefecture's telemeters. */
    static final Duration INTERVAL = Duration.ofMinutes(10);
    private static final int SOIL_SENSORS_PER_TOWN = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A river gauge: where on the real river it stands (moved into the generated flood plain's
     * deepest band) and its levels. The levels are plausible for gauges of these rivers, not the
     * official ones.
     */
    private record Gauge(Town town, String river, String station, String stationEn, LonLat near, List<Double> levels,
                         SensorProfile profile) {
    }

    private static final List<Gauge> GAUGES = List.of(
            new Gauge(Town.MASUDA, "高津川", "高角", "Takatsuno", new LonLat(131.812, 34.650), List.of(2.50, 3.50, 4.50, 5.00),
                    new SensorProfile(1.20, 0.04, 5.35, 6, 2.2, 0.01, 0.01)),
            new Gauge(Town.YASUGI, "飯梨川", "安来", "Yasugi", new LonLat(133.207, 35.400), List.of(1.70, 2.40, 2.90, 3.30),
                    new SensorProfile(0.80, 0.03, 3.55, 6.5, 2.2, 0.01, 0.01)));

    private static final SensorProfile SOIL = new SensorProfile(28, 1.0, 54, 5, 2.2, 0.2, 0.1);
    private static final SensorProfile RAIN = new SensorProfile(0, 0, 86, 4, 1.3, 0.3, 0.5);
    /** One quantity of the weather station's MultiDatastream: its ObservedProperty, its unit and how its readings go. */
    private record Quantity(String nameJa, String nameEn, String definition, String unit, String symbol, String unitDefinition,
                            SensorProfile profile) {
    }

    /** The weather station's quantities in its order: the air cooling in the rain, the humidity rising, the rain per ten minutes. */
    private static final List<Quantity> WEATHER = List.of(
            new Quantity("気温", "Air temperature", "urn:chizu:sample:air-temperature", "degree Celsius", "°C", "http://qudt.org/vocab/unit/DEG_C",
                    new SensorProfile(9, 3, 6, 4, 3, 0.1, 0.1)),
            new Quantity("相対湿度", "Relative humidity", "urn:chizu:sample:relative-humidity", "percent", "%", "http://qudt.org/vocab/unit/PERCENT",
                    new SensorProfile(72, -12, 96, 4, 2.5, 1, 1)),
            new Quantity("10分間雨量", "Rainfall per 10 minutes", "urn:chizu:sample:rainfall-10min", "millimetre", "mm", "http://qudt.org/vocab/unit/MilliM",
                    new SensorProfile(0, 0, 14, 4, 1.3, 0.3, 0.5)));
    private static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

    private final JdbcTemplate jdbc;
    private final SensorThings sensorThings;
    private final Observations observations;
    private final MultiObservations multiObservations;

    SampleSensors(JdbcTemplate jdbc, SensorThings sensorThings, Observations observations, MultiObservations multiObservations) {
        this.jdbc = jdbc;
        this.sensorThings = sensorThings;
        this.observations = observations;
        this.multiObservations = multiObservations;
    }

    /** Places every town's sensors and their readings of the day before {@code now}. */
    void place(Instant now) {
        long soilSensor = sensorThings.create("Sensors", sensor("土壌水分計（TDR式）", "Soil-moisture sensor (TDR)"));
        long riverSensor = sensorThings.create("Sensors", sensor("水位計（圧力式）", "Water-level gauge (pressure)"));
        long rainSensor = sensorThings.create("Sensors", sensor("転倒ます型雨量計", "Tipping-bucket rain gauge"));
        long moisture = sensorThings.create("ObservedProperties", observedProperty("土壌水分（体積含水率）", "Soil moisture (volumetric water content)",
                "urn:chizu:sample:soil-moisture"));
        long level = sensorThings.create("ObservedProperties", observedProperty("河川水位", "River water level",
                "urn:chizu:sample:river-level"));
        long rain = sensorThings.create("ObservedProperties", observedProperty("時間雨量", "Hourly rainfall",
                "urn:chizu:sample:hourly-rainfall"));
        Map<Long, SensorProfile> datastreams = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            Set<Long> slopes = new LinkedHashSet<>();
            for (Slope slope : slopes(town)) {
                slopes.addAll(slope.zones());
                thing(datastreams, town.nameJa() + " " + slope.name() + " 土壌水分計", "Soil-moisture sensor on a landslide slope, " + town.nameEn(),
                        slope.at(), slope.zones(), datastream("土壌水分", "Soil moisture", "percent", "%", "http://qudt.org/vocab/unit/PERCENT",
                                soilRules(), soilMoistureThresholds(), soilSensor, moisture), SOIL);
            }
            thing(datastreams, town.nameJa() + " " + town.shortName() + "雨量観測所", "Rain gauge, " + town.nameEn(), centre(town),
                    List.copyOf(slopes), datastream("時間雨量", "Hourly rainfall", "millimetre per hour", "mm/h",
                            "http://qudt.org/vocab/unit/MilliM-PER-HR", rainRules(), rainThresholds(), rainSensor, rain), RAIN);
        }
        for (Gauge gauge : GAUGES) {
            thing(datastreams, gauge.river() + " " + gauge.station() + "水位観測所", "Water-level gauge " + gauge.stationEn() + " on the "
                    + gauge.river() + ", " + gauge.town().nameEn(), gaugeSite(gauge), floodZones(gauge),
                    datastream("水位", "Water level", "metre", "m", "http://qudt.org/vocab/unit/M", riverRules(),
                            riverThresholds(gauge.levels()), riverSensor, level), gauge.profile());
        }
        quietDay(datastreams, now);
        quietDay(weatherStation(Town.MASUDA), now);
    }

    /**
     * The weather station on the grounds of the town's first 公民館 (by GSI's 共通ID), its three
     * quantities in one MultiDatastream with {@code properties.sample} holding their profiles in order.
     *
     * @return the MultiDatastream's id
     */
    private long weatherStation(Town town) {
        Map.Entry<String, LonLat> hall = jdbc.queryForObject("""
                select f.name, st_x(f.geom), st_y(f.geom) from facilities f join sample_town t on t.code = ? and st_within(f.geom, t.land)
                where f.name like '%公民館' order by f.source_id limit 1""",
                (row, n) -> Map.entry(row.getString(1), new LonLat(row.getDouble(2), row.getDouble(3))), town.code());
        long sensor = sensorThings.create("Sensors", sensor("自動気象観測装置（温湿度計・転倒ます型雨量計）",
                "Automatic weather station (thermo-hygrometer and tipping-bucket rain gauge)"));
        ObjectNode multi = JSON.createObjectNode().put("name", "気温・湿度・10分間雨量")
                .put("description", "Air temperature, relative humidity and rainfall per 10 minutes")
                .put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation");
        ArrayNode types = multi.putArray("multiObservationDataTypes");
        ArrayNode units = multi.putArray("unitOfMeasurements");
        ArrayNode properties = multi.putArray("ObservedProperties");
        for (Quantity quantity : WEATHER) {
            types.add(MEASUREMENT);
            units.addObject().put("name", quantity.unit()).put("symbol", quantity.symbol()).put("definition", quantity.unitDefinition());
            properties.add(observedProperty(quantity.nameJa(), quantity.nameEn(), quantity.definition()));
        }
        multi.putObject("Sensor").put("@iot.id", sensor);
        multi.putObject("properties").set("sample", JSON.valueToTree(WEATHER.stream().map(Quantity::profile).toList()));
        ObjectNode thing = thingAt(town.nameJa() + " " + hall.getKey() + " 気象観測所", "Weather station at a community hall, " + town.nameEn(),
                hall.getValue(), List.of());
        thing.putArray("MultiDatastreams").add(multi);
        long thingId = sensorThings.create("Things", thing);
        return sensorThings.read("Things(" + thingId + ")/MultiDatastreams", Map.of("$select", "id")).path("value").path(0).path("@iot.id").asLong();
    }

    /** A landslide warning zone's slope: where the sensor is buried and the zones it watches (the warning zone and its special zones). */
    private record Slope(String name, LonLat at, List<Long> zones) {
    }

    /** The town's largest landslide warning zones, the sensor in the special warning zone (the steep part) where there is one. */
    private List<Slope> slopes(Town town) {
        return jdbc.query("""
                select w.name, st_x(p.at), st_y(p.at),
                       array(select w.id union all
                             select s.id from hazard_zones s
                             where s.kind = 'landslide_special_warning' and st_within(st_pointonsurface(s.geom), w.geom)) as zones
                from hazard_zones w
                join sample_town t on t.code = ? and st_within(st_pointonsurface(w.geom), t.land)
                cross join lateral (select st_pointonsurface(coalesce(
                        (select s.geom from hazard_zones s
                         where s.kind = 'landslide_special_warning' and st_within(st_pointonsurface(s.geom), w.geom)
                         order by s.id limit 1), w.geom)) as at) p
                where w.kind = 'landslide_warning'
                order by st_area(w.geom) desc, w.id
                limit ?""", (row, n) -> new Slope(row.getString(1), new LonLat(row.getDouble(2), row.getDouble(3)),
                List.of((Long[]) row.getArray(4).getArray())), town.code(), SOIL_SENSORS_PER_TOWN);
    }

    private LonLat centre(Town town) {
        return jdbc.queryForObject("select st_x(centre), st_y(centre) from sample_town where code = ?",
                (row, n) -> new LonLat(row.getDouble(1), row.getDouble(2)), town.code());
    }

    /** The gauge's place moved into the deepest flood band of its river, where the river runs. */
    private LonLat gaugeSite(Gauge gauge) {
        return jdbc.queryForObject("""
                select st_x(p.at), st_y(p.at)
                from sample_floodplain band
                cross join lateral (select st_closestpoint(band.geom, st_setsrid(st_point(?, ?), 6668)) as at) p
                where band.code = ? and band.river = ? and band.band = 1""", (row, n) -> new LonLat(row.getDouble(1), row.getDouble(2)),
                gauge.near().lon(), gauge.near().lat(), gauge.town().code(), gauge.river());
    }

    /** The river's flood zones in the gauge's town, every depth class. */
    private List<Long> floodZones(Gauge gauge) {
        return jdbc.queryForList("""
                select h.id from hazard_zones h join sample_town t on t.code = ? and st_intersects(h.geom, t.land)
                where h.kind = 'flood' and h.name like ? order by h.id""", Long.class, gauge.town().code(), gauge.river() + " %");
    }

    /** Creates the Thing with its Location and Datastream (deep insert) and adds its datastream to {@code placed}. */
    private void thing(Map<Long, SensorProfile> placed, String name, String description, LonLat at, List<Long> zones, ObjectNode datastream,
                       SensorProfile profile) {
        datastream.with("properties").set("sample", JSON.valueToTree(profile));
        ObjectNode thing = thingAt(name, description, at, zones);
        thing.putArray("Datastreams").add(datastream);
        long thingId = sensorThings.create("Things", thing);
        placed.put(sensorThings.read("Things(" + thingId + ")/Datastreams", Map.of("$select", "id")).path("value").path(0).path("@iot.id").asLong(),
                profile);
    }

    /** A sample Thing with its Location, watching these hazard zones, for a deep insert. */
    private static ObjectNode thingAt(String name, String description, LonLat at, List<Long> zones) {
        ObjectNode thing = JSON.createObjectNode().put("name", name).put("description", description);
        ObjectNode properties = thing.putObject("properties");
        zones.forEach(properties.putArray("hazardZones")::add);
        properties.put("sampleData", true);
        ObjectNode location = thing.putArray("Locations").addObject().put("name", name).put("description", description)
                .put("encodingType", "application/geo+json");
        location.putObject("location").put("type", "Point").putArray("coordinates").add(at.lon()).add(at.lat());
        return thing;
    }

    private static ObjectNode datastream(String nameJa, String nameEn, String unit, String symbol, String unitDefinition, ObjectNode quality,
                                         ObjectNode thresholds, long sensor, long observedProperty) {
        ObjectNode datastream = JSON.createObjectNode().put("name", nameJa).put("description", nameEn)
                .put("observationType", MEASUREMENT);
        datastream.putObject("unitOfMeasurement").put("name", unit).put("symbol", symbol).put("definition", unitDefinition);
        ObjectNode properties = datastream.putObject("properties");
        properties.set("quality", quality);
        properties.set("thresholds", thresholds);
        datastream.putObject("Sensor").put("@iot.id", sensor);
        datastream.putObject("ObservedProperty").put("@iot.id", observedProperty);
        return datastream;
    }

    private static ObjectNode sensor(String nameJa, String nameEn) {
        return JSON.createObjectNode().put("name", nameJa).put("description", nameEn)
                .put("encodingType", "text/plain").put("metadata", nameEn + " (sample)");
    }

    private static ObjectNode observedProperty(String nameJa, String nameEn, String definition) {
        return JSON.createObjectNode().put("name", nameJa).put("description", nameEn).put("definition", definition);
    }

    private static ObjectNode soilRules() {
        return JSON.createObjectNode().put("min", 0).put("max", 60).put("maxChangePerMinute", 0.5).put("stuckCount", 12);
    }

    private static ObjectNode rainRules() {
        // A dry day reads 0 for hours on end: no flat-line check.
        return JSON.createObjectNode().put("min", 0).put("max", 150).put("maxChangePerMinute", 5);
    }

    private static ObjectNode riverRules() {
        return JSON.createObjectNode().put("min", 0).put("max", 10).put("maxChangePerMinute", 0.1).put("stuckCount", 12);
    }

    private static ObjectNode soilMoistureThresholds() {
        ObjectNode thresholds = JSON.createObjectNode().put("scheme", "soil-moisture").put("clearMargin", 1);
        ArrayNode levels = thresholds.putArray("levels");
        levels.addObject().put("value", 35).put("ja", "注意").put("en", "Caution");
        levels.addObject().put("value", 42).put("ja", "警戒").put("en", "Warning");
        levels.addObject().put("value", 48).put("ja", "危険").put("en", "Danger");
        return thresholds;
    }

    /** The 気象庁's words for hourly rain: 激しい雨 from 30 mm, 非常に激しい雨 from 50, 猛烈な雨 from 80. */
    private static ObjectNode rainThresholds() {
        ObjectNode thresholds = JSON.createObjectNode().put("scheme", "rain").put("clearMargin", 2);
        ArrayNode levels = thresholds.putArray("levels");
        levels.addObject().put("value", 30).put("ja", "激しい雨").put("en", "Heavy rain");
        levels.addObject().put("value", 50).put("ja", "非常に激しい雨").put("en", "Very heavy rain");
        levels.addObject().put("value", 80).put("ja", "猛烈な雨").put("en", "Extreme rain");
        return thresholds;
    }

    private static ObjectNode riverThresholds(List<Double> levels) {
        ObjectNode thresholds = JSON.createObjectNode().put("scheme", "river-level").put("clearMargin", 0.05);
        levels.forEach(thresholds.putArray("levels")::add);
        return thresholds;
    }

    /** Every ten minutes of the day before {@code now}, in one append. */
    private void quietDay(Map<Long, SensorProfile> datastreams, Instant now) {
        Instant end = Instant.ofEpochSecond(now.getEpochSecond() / INTERVAL.toSeconds() * INTERVAL.toSeconds());
        List<NewObservation> batch = new ArrayList<>();
        for (var entry : datastreams.entrySet()) {
            long datastream = entry.getKey();
            SensorProfile profile = entry.getValue();
            Random random = new Random(datastream);
            for (int minutes = 0; minutes <= 24 * 60; minutes += (int) INTERVAL.toMinutes()) {
                batch.add(NewObservation.of(datastream, end.minus(Duration.ofMinutes(24 * 60 - minutes)),
                        JSON.getNodeFactory().numberNode(profile.quietReading(minutes, random))));
            }
        }
        observations.append(batch);
    }

    /** The weather station's readings every ten minutes of the day before {@code now}, in one append. */
    private void quietDay(long multiDatastream, Instant now) {
        Instant end = Instant.ofEpochSecond(now.getEpochSecond() / INTERVAL.toSeconds() * INTERVAL.toSeconds());
        Random random = new Random(multiDatastream);
        List<NewMultiObservation> batch = new ArrayList<>();
        for (int minutes = 0; minutes <= 24 * 60; minutes += (int) INTERVAL.toMinutes()) {
            ArrayNode result = JSON.createArrayNode();
            for (Quantity quantity : WEATHER) {
                result.add(quantity.profile().quietReading(minutes, random));
            }
            batch.add(NewMultiObservation.of(multiDatastream, end.minus(Duration.ofMinutes(24 * 60 - minutes)), result));
        }
        multiObservations.append(batch);
    }
}
