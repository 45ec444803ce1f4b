package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chizu.sensors.alerts.AlertLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Quality control and alerts on real PostGIS, with hazard zones, shelters and roads laid around a
 * gauge on the 高津川: readings are appended through the storage API as HTTP and MQTT append them,
 * and read back through the SensorThings API, /api/alerts and the CAP feed.
 */
class SensorAlertsTest extends RunningSensors {

    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String RIVER_LEVELS = """
            "thresholds": {"scheme": "river-level", "levels": [2.5, 3.2, 3.9, 4.4], "clearMargin": 0.05}""";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Observations observations;
    @Autowired
    AlertLifecycle lifecycle;

    long floodZone;
    long landslideZone;
    Instant nine = Instant.parse("2026-12-08T00:00:00Z");

    /** A flood zone along the river with shelters and roads around it, and a landslide zone up the valley. */
    @BeforeAll
    void town() {
        floodZone = jdbc.queryForObject("""
                insert into hazard_zones (kind, name, geom)
                values ('flood', '高津川 洪水浸水想定区域', st_multi(st_geomfromtext('POLYGON((131.83 34.66, 131.85 34.66, 131.85 34.68, 131.83 34.68, 131.83 34.66))', 6668)))
                returning id""", Long.class);
        landslideZone = jdbc.queryForObject("""
                insert into hazard_zones (kind, name, geom)
                values ('landslide_warning', '匹見 土砂災害警戒区域', st_multi(st_geomfromtext('POLYGON((131.90 34.70, 131.91 34.70, 131.91 34.71, 131.90 34.71, 131.90 34.70))', 6668)))
                returning id""", Long.class);
        shelter("designated_shelter", "高津小学校", true, false, 131.845, 34.675);
        shelter("emergency_evacuation_site", "益田市民体育館", true, false, 131.86, 34.67);
        shelter("designated_shelter", "遠くの避難所", true, false, 131.95, 34.67);
        shelter("emergency_evacuation_site", "裏山の避難場所", false, true, 131.845, 34.672);
        shelter("hall", "高津公民館", true, false, 131.84, 34.67);
        shelter("emergency_evacuation_site", "匹見公民館", false, true, 131.905, 34.712);
        road("national", "9", "国道9号", "LINESTRING(131.82 34.67, 131.835 34.67)");
        road("national", "9", "国道9号", "LINESTRING(131.835 34.67, 131.87 34.67)");
        road("municipal", null, "市道 高津線", "LINESTRING(131.84 34.65, 131.84 34.665)");
        road("municipal", null, "市道 遠田線", "LINESTRING(131.95 34.75, 131.96 34.75)");
    }

    @Test
    void outOfRangeSpikeAndStuckReadingsAreKeptWithTheirFlagsAndNeverTakenAsValid() throws Exception {
        long level = gauge("高津川 水位計 QC", """
                {"quality": {"min": 0, "max": 12, "maxChangePerMinute": 0.2, "stuckCount": 4}, %s}""".formatted(RIVER_LEVELS), floodZone);

        List<Long> ids = observations.append(readings(level, 1.00, 1.05, 99.0, 1.10, 3.0, 1.12, 1.12, 1.12, 1.12, 1.12));

        assertThat(jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Integer.class, level))
                .as("every reading is kept").isEqualTo(10);
        List<String> flags = new ArrayList<>();
        get("/sta/v1.1/Datastreams(" + level + ")/Observations?$orderby=phenomenonTime asc&$top=20").path("value")
                .forEach(observation -> flags.add(observation.path("result").asText() + " " + observation.path("resultQuality").path("qualityFlags")));
        assertThat(flags).containsExactly("1 ", "1.05 ", "99 [\"range\",\"rate-of-change\"]", "1.1 ", "3 [\"rate-of-change\"]",
                "1.12 ", "1.12 ", "1.12 ", "1.12 [\"flat-line\"]", "1.12 [\"flat-line\"]");
        assertThat(observations.latest(level).orElseThrow().observationId()).as("the latest valid reading, not the stuck ones")
                .isEqualTo(ids.get(7));
        assertThat(alertsOf(level)).as("a flagged spike over a level raises nothing").isEmpty();

        observations.append(List.of(reading(level, nine.plus(Duration.ofMinutes(100)), 1.3)));
        assertThat(observations.latest(level).orElseThrow().result().doubleValue()).as("a new value unsticks it").isEqualTo(1.3);
    }

    @Test
    void aDatastreamWithoutReadingsForItsDeclaredMinutesRaisesOneMissingAlertThatTheNextReadingClears() throws Exception {
        long rain = gauge("匹見 雨量計", """
                {"quality": {"missingAfterMinutes": 30}}""", landslideZone);
        Instant last = Instant.now().minus(Duration.ofHours(2));
        observations.append(List.of(reading(rain, last, 0.5)));

        assertThat(lifecycle.raiseMissing(Instant.now())).isEqualTo(1);
        assertThat(lifecycle.raiseMissing(Instant.now())).as("raised once").isZero();
        JsonNode missing = alertsOf(rain).getFirst();
        assertThat(missing.path("kind").asText()).isEqualTo("missing");
        assertThat(missing.path("levelName").path("ja").asText()).isEqualTo("欠測");

        observations.append(List.of(reading(rain, Instant.now(), 0.0)));

        assertThat(alertsOf(rain)).isEmpty();
        assertThat(transitions(missing.path("id").asLong())).containsExactly("raised 1", "cleared 1");
    }

    @Test
    void aRiverRisingThroughTheFourLevelsAndFallingRaisesOneAlertUpdatesItPerLevelAndClearsItOnce() throws Exception {
        long level = gauge("高津川 水位計 A", "{" + RIVER_LEVELS + "}", floodZone);
        long eventsBefore = alertEvents();

        // Dancing a centimetre around 氾濫注意 levels' first line (2.50 m) stays within the 5 cm margin.
        double[] series = {2.0, 2.49, 2.51, 2.49, 2.51, 2.50, 2.46, 3.25, 3.95, 4.5, 4.2, 3.5, 2.8, 2.44, 2.30};
        for (int i = 0; i < series.length; i++) {
            observations.append(List.of(reading(level, nine.plus(Duration.ofMinutes(10L * i)), series[i])));
        }

        List<Long> alerts = jdbc.queryForList("select id from sensor_alert where datastream_id = ?", Long.class, level);
        assertThat(alerts).hasSize(1);
        assertThat(transitions(alerts.getFirst())).containsExactly("raised 1", "updated 2", "updated 3", "updated 4",
                "updated 3", "updated 2", "updated 1", "cleared 1");
        JsonNode alert = get("/api/alerts/" + alerts.getFirst());
        assertThat(alert.path("state").asText()).isEqualTo("cleared");
        assertThat(alert.path("log").get(3).path("levelName").path("ja").asText()).isEqualTo("氾濫危険水位");
        assertThat(alert.path("log").get(3).path("levelName").path("en").asText()).isEqualTo("Flood danger level");
        assertThat(alertEvents() - eventsBefore).as("each step announced on live topic alerts").isEqualTo(8);
        assertThat(alertIds("/api/alerts")).as("no longer current").doesNotContain(alerts.getFirst());
        assertThat(alertIds("/api/alerts?recent=true")).as("but cleared within the day").contains(alerts.getFirst());
    }

    @Test
    void anAlertKnowsTheZonesItsSensorWatchesTheSheltersThatServeThemAndTheRoadsThatCrossThem() throws Exception {
        long level = gauge("高津川 水位計 B", "{" + RIVER_LEVELS + "}", floodZone);

        observations.append(readings(level, 2.0, 3.3));

        JsonNode alert = alertsOf(level).getFirst();
        assertThat(alert.path("state").asText()).isEqualTo("raised");
        assertThat(alert.path("level").asInt()).isEqualTo(2);
        assertThat(alert.path("levelName").path("ja").asText()).isEqualTo("氾濫注意水位");
        assertThat(alert.path("area").path("zones")).singleElement()
                .satisfies(zone -> assertThat(zone.path("name").asText()).isEqualTo("高津川 洪水浸水想定区域"));
        List<String> shelters = new ArrayList<>();
        alert.path("area").path("shelters").forEach(shelter -> shelters.add(shelter.path("name").asText()));
        assertThat(shelters).as("designated for floods, within 1.5 km, nearest first").containsExactly("高津小学校", "益田市民体育館");
        List<String> roads = new ArrayList<>();
        alert.path("area").path("roads").forEach(road -> roads.add(road.path("name").asText() + " " + road.path("segments").asInt()));
        assertThat(roads).containsExactly("国道9号 2", "市道 高津線 1");
    }

    @Test
    void staffAcknowledgeAnAlertAtItsLevelAndEveryStepIsLoggedForGood() throws Exception {
        long level = gauge("高津川 水位計 C", "{" + RIVER_LEVELS + "}", floodZone);
        observations.append(readings(level, 2.6));
        long alert = alertsOf(level).getFirst().path("id").asLong();

        assertThat(send("POST", "/api/alerts/" + alert + "/acknowledge", null).statusCode()).isEqualTo(401);
        JsonNode acknowledged = json.readTree(acknowledge(alert, "tanaka").body());
        assertThat(acknowledged.path("acknowledged").path("by").asText()).isEqualTo("tanaka");
        assertThat(acknowledged.path("acknowledged").path("at").asText()).isNotEmpty();
        acknowledge(alert, "suzuki");
        assertThat(asStaff("/api/alerts/" + alert).path("acknowledged").path("by").asText()).as("already acknowledged").isEqualTo("tanaka");
        assertThat(alertsOf(level).getFirst().path("acknowledged").path("at").asText()).as("the public sees that it was").isNotEmpty();
        assertThat(alertsOf(level).getFirst().path("acknowledged").hasNonNull("by")).as("but not by whom").isFalse();

        observations.append(List.of(reading(level, nine.plus(Duration.ofMinutes(30)), 3.3)));
        assertThat(alertsOf(level).getFirst().path("acknowledged").isNull()).as("a higher level asks again").isTrue();
        acknowledge(alert, "suzuki");

        assertThat(transitions(alert)).containsExactly("raised 1", "acknowledged 1", "updated 2", "acknowledged 2");
        assertThat(asStaff("/api/alerts/" + alert).path("log").get(1).path("by").asText()).isEqualTo("tanaka");
        assertThat(get("/api/alerts/" + alert).path("log").get(1).hasNonNull("by")).isFalse();
        assertThatThrownBy(() -> jdbc.update("update sensor_alert_log set by = 'someone else' where alert_id = ?", alert))
                .hasMessageContaining("append-only");
        assertThat(acknowledge(999_999, "tanaka").statusCode()).isEqualTo(404);
    }

    @Test
    void theCapFeedValidatesAgainstCap12AndCarriesAlertUpdateAndCancelWithReferences() throws Exception {
        long raised = gauge("高津川 水位計 D", "{" + RIVER_LEVELS + "}", floodZone);
        long updated = gauge("高津川 水位計 E", "{" + RIVER_LEVELS + "}", floodZone);
        long cleared = gauge("高津川 水位計 F", "{" + RIVER_LEVELS + "}", floodZone);
        long soil = gauge("匹見 土壌水分計", """
                {"thresholds": {"scheme": "soil-moisture", "clearMargin": 1,
                                "levels": [{"value": 35, "ja": "注意", "en": "Caution"}, {"value": 42, "ja": "警戒", "en": "Warning"}]}}""", landslideZone);
        observations.append(readings(raised, 2.6));
        observations.append(readings(updated, 2.6, 4.0));
        observations.append(readings(cleared, 2.6, 3.3, 2.0));
        observations.append(readings(soil, 30, 43));

        Document feed = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text("/alerts/cap.atom"))));

        Validator cap = javax.xml.validation.SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/cap/CAP-v1.2.xsd")).newValidator();
        NodeList alerts = feed.getElementsByTagNameNS(CAP, "alert");
        assertThat(alerts.getLength()).isGreaterThanOrEqualTo(4);
        for (int i = 0; i < alerts.getLength(); i++) {
            cap.validate(new DOMSource(alerts.item(i)));
        }
        Element first = message(alerts, "高津川 水位計 D");
        assertThat(child(first, "msgType")).isEqualTo("Alert");
        assertThat(first.getElementsByTagNameNS(CAP, "references").getLength()).isZero();
        assertThat(child(first, "sent")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00");
        assertThat(first.getElementsByTagNameNS(CAP, "polygon").item(0).getTextContent())
                .startsWith("34.66,131.83 ").endsWith(" 34.66,131.83");
        assertThat(first.getElementsByTagNameNS(CAP, "language").item(1).getTextContent()).isEqualTo("en-US");
        Element update = message(alerts, "高津川 水位計 E");
        assertThat(child(update, "msgType")).isEqualTo("Update");
        assertThat(child(update, "references").split(" ")).hasSize(1).allMatch(reference -> reference.startsWith("chizu.localhost,chizu-alert-"));
        assertThat(child(update, "severity")).isEqualTo("Severe");
        Element cancel = message(alerts, "高津川 水位計 F");
        assertThat(child(cancel, "msgType")).isEqualTo("Cancel");
        assertThat(child(cancel, "references").split(" ")).hasSize(2);
        Element soilMoisture = message(alerts, "匹見 土壌水分計");
        assertThat(child(soilMoisture, "category")).isEqualTo("Geo");
        assertThat(child(soilMoisture, "description")).contains("町独自の補足情報").contains("土砂災害警戒情報ではありません");
        assertThat(soilMoisture.getElementsByTagNameNS(CAP, "areaDesc").item(0).getTextContent()).isEqualTo("匹見 土砂災害警戒区域");
    }

    @Test
    void aDeclarationThatCannotBeReadIsRefusedWhenWrittenNamingWhatIsWrong() throws Exception {
        assertRefused(send("POST", "/sta/v1.1/Things", thing(floodZone, """
                {"thresholds": {"scheme": "river-level", "levels": [2.5, 3.2, 3.9]}}""")), "thresholds.levels of a river-level gauge are its 4 national levels");
        assertRefused(send("POST", "/sta/v1.1/Things", thing(999_999, "{}")), "hazardZones names 999999");
        long level = gauge("高津川 水位計 G", "{" + RIVER_LEVELS + "}", floodZone);
        assertRefused(send("PATCH", "/sta/v1.1/Datastreams(" + level + ")", """
                {"properties": {"quality": {"min": "low"}}}"""), "quality.min must be a number");
        assertRefused(send("PATCH", "/sta/v1.1/Datastreams(" + level + ")", """
                {"properties": {"thresholds": {"scheme": "rain", "levels": [{"value": 30}, {"value": 20}]}}}"""), "thresholds.levels must rise");
    }

    // --- the town and its gauges

    private void shelter(String kind, String name, boolean forFlood, boolean forLandslide, double lon, double lat) {
        jdbc.update("insert into facilities (kind, name, for_flood, for_landslide, geom) values (?, ?, ?, ?, st_setsrid(st_point(?, ?), 6668))",
                kind, name, forFlood, forLandslide, lon, lat);
    }

    private void road(String roadClass, String routeNo, String name, String line) {
        jdbc.update("insert into roads (road_class, route_no, name, geom) values (?, ?, ?, st_multi(st_geomfromtext(?, 6668)))",
                roadClass, routeNo, name, line);
    }

    /** A gauge made through the SensorThings API, watching one zone; returns its datastream's id. */
    private long gauge(String name, String datastreamProperties, long zone) throws Exception {
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things", thing(zone, datastreamProperties).replace("水位計", name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long thing = json.readTree(created.body()).path("@iot.id").asLong();
        return get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    /** A Thing named 水位計 watching a zone, with one Datastream declaring these properties. */
    private static String thing(long zone, String datastreamProperties) {
        return """
                {"name": "水位計", "properties": {"hazardZones": [%d]},
                 "Locations": [{"name": "水位計 地点", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.84, 34.67]}}],
                 "Datastreams": [{"name": "水位計 観測値", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                                  "properties": %s,
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-1"},
                                  "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}]}"""
                .formatted(zone, MEASUREMENT, datastreamProperties);
    }

    private void assertRefused(HttpResponse<String> response, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("detail").asText()).contains(detail);
    }

    /** Readings a minute apart from nine o'clock. */
    private List<NewObservation> readings(long datastream, double... values) {
        List<NewObservation> readings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            readings.add(reading(datastream, nine.plus(Duration.ofMinutes(i)), values[i]));
        }
        return readings;
    }

    private static NewObservation reading(long datastream, Instant time, double value) {
        return NewObservation.of(datastream, time, JsonNodeFactory.instance.numberNode(value));
    }

    private List<JsonNode> alertsOf(long datastream) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        get("/api/alerts").path("alerts").forEach(alert -> {
            if (alert.path("datastreamId").asLong() == datastream) {
                found.add(alert);
            }
        });
        return found;
    }

    private List<Long> alertIds(String path) throws Exception {
        List<Long> ids = new ArrayList<>();
        get(path).path("alerts").forEach(alert -> ids.add(alert.path("id").asLong()));
        return ids;
    }

    private List<String> transitions(long alert) {
        return jdbc.queryForList("select transition || ' ' || level from sensor_alert_log where alert_id = ? order by id", String.class, alert);
    }

    private long alertEvents() {
        return jdbc.queryForObject("select count(*) from live_event where topic = 'alerts'", Long.class);
    }

    private JsonNode asStaff(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(SensorsTestApplication.STAFF_HEADER, "tanaka").build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> acknowledge(long alert, String staff) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alerts/" + alert + "/acknowledge"))
                .header(SensorsTestApplication.STAFF_HEADER, staff).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CAP message of the gauge named, found by its Japanese headline. */
    private static Element message(NodeList alerts, String gauge) {
        for (int i = 0; i < alerts.getLength(); i++) {
            Element alert = (Element) alerts.item(i);
            if (child(alert, "headline").startsWith(gauge + "：")) {
                return alert;
            }
        }
        throw new AssertionError("no CAP message for " + gauge);
    }

    private static String child(Element element, String name) {
        return element.getElementsByTagNameNS(CAP, name).item(0).getTextContent();
    }
}
