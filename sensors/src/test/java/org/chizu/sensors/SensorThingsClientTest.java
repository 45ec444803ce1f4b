package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import de.fraunhofer.iosb.ilt.sta.model.Datastream;
import de.fraunhofer.iosb.ilt.sta.model.Location;
import de.fraunhofer.iosb.ilt.sta.model.MultiDatastream;
import de.fraunhofer.iosb.ilt.sta.model.Observation;
import de.fraunhofer.iosb.ilt.sta.model.ObservedProperty;
import de.fraunhofer.iosb.ilt.sta.model.Sensor;
import de.fraunhofer.iosb.ilt.sta.model.Thing;
import de.fraunhofer.iosb.ilt.sta.model.ext.DataArrayDocument;
import de.fraunhofer.iosb.ilt.sta.model.ext.DataArrayValue;
import de.fraunhofer.iosb.ilt.sta.model.ext.EntityList;
import de.fraunhofer.iosb.ilt.sta.model.ext.UnitOfMeasurement;
import de.fraunhofer.iosb.ilt.sta.service.SensorThingsService;

import org.geojson.LngLatAlt;
import org.geojson.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An existing SensorThings client (Fraunhofer IOSB's FROST-Client, unchanged) against Chizu's
 * SensorThings API over HTTP on real PostGIS: a river gauge set up in one deep insert, readings
 * posted one by one and as a dataArray, and read back with nested $expand, $filter, $count and paging;
 * a MultiDatastream of the same gauge, its array readings posted and read back through the client's own model.
 */
class SensorThingsClientTest extends RunningSensors {

    @Autowired
    Observations observations;

    SensorThingsService service;
    Thing gauge;
    Datastream level;

    /** 高津川's gauge at 高角橋, deep-inserted with its location, its water-level datastream, sensor and observed property. */
    @BeforeAll
    void aRiverGaugeInOneDeepInsert() throws Exception {
        service = new SensorThingsService(URI.create("http://127.0.0.1:" + port + "/sta/v1.1/"));
        gauge = new Thing("高津川 水位計 高角橋", "River level gauge at 高角橋, Masuda");
        gauge.setProperties(Map.of("river", "高津川", "owner", "益田市"));
        gauge.getLocations().add(new Location("高角橋", "Bridge over 高津川", "application/geo+json", new Point(131.8412, 34.6801)));
        Datastream stream = new Datastream("水位 Water level", "Water level at 高角橋 every 10 minutes", MEASUREMENT,
                new UnitOfMeasurement("metre", "m", "http://www.qudt.org/qudt/owl/1.0.0/unit/Instances.html#Meter"));
        stream.setSensor(new Sensor("Radar level sensor", "Non-contact radar water level sensor", "text/plain", "RLS-100"));
        stream.setObservedProperty(new ObservedProperty("水位 Water level", "http://vocabs.example.jp/water-level", "Height of the water surface"));
        gauge.getDatastreams().add(stream);

        service.create(gauge);

        level = gauge.datastreams().query().first();
    }

    @Test
    void theDeepInsertCreatedTheThingAtItsLocationWithAHistoricalLocationAndTheDatastreamsSensorAndProperty() throws Exception {
        Thing read = service.things().query().filter("id eq " + gauge.getId().getUrl())
                .expand("Locations,HistoricalLocations,Datastreams($expand=Sensor,ObservedProperty)").first();

        assertThat(read.getName()).isEqualTo("高津川 水位計 高角橋");
        assertThat(read.getProperties()).containsEntry("owner", "益田市");
        assertThat(read.getLocations().toList()).singleElement().satisfies(location ->
                assertThat(((Point) location.getLocation()).getCoordinates()).isEqualTo(new LngLatAlt(131.8412, 34.6801)));
        assertThat(read.getHistoricalLocations().toList()).hasSize(1);
        Datastream stream = read.getDatastreams().toList().getFirst();
        assertThat(stream.getUnitOfMeasurement().getSymbol()).isEqualTo("m");
        assertThat(stream.getSensor().getName()).isEqualTo("Radar level sensor");
        assertThat(stream.getObservedProperty().getDefinition()).isEqualTo("http://vocabs.example.jp/water-level");
    }

    @Test
    void readingsPostedOneByOneAndAsADataArrayReadBackNewestFirstThroughNestedExpand() throws Exception {
        Datastream stream = newDatastream("水位 expand");
        Observation single = new Observation(1.42, stream);
        single.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-12-08T09:00:00+09:00"));
        service.create(single);
        DataArrayValue array = new DataArrayValue(stream, EnumSet.of(DataArrayValue.Property.PhenomenonTime, DataArrayValue.Property.Result));
        for (String[] reading : new String[][] {{"2026-12-08T09:20:00+09:00", "1.61"}, {"2026-12-08T09:10:00+09:00", "1.55"}}) {
            Observation observation = new Observation(Double.parseDouble(reading[1]), stream);
            observation.setPhenomenonTimeFrom(ZonedDateTime.parse(reading[0]));
            array.addObservation(observation);
        }
        DataArrayDocument document = new DataArrayDocument();
        document.addDataArrayValue(array);

        List<String> created = service.create(document);

        assertThat(created).hasSize(2).allSatisfy(link -> assertThat(link).contains("/sta/v1.1/Observations("));
        Datastream read = service.datastreams().query().filter("id eq " + stream.getId().getUrl())
                .expand("Observations($orderby=phenomenonTime desc;$top=2)").first();
        assertThat(read.getObservations().toList()).extracting(observation -> ((Number) observation.getResult()).doubleValue())
                .containsExactly(1.61, 1.55);
        assertThat(observations.latest((Long) stream.getId().getValue()).orElseThrow().result().doubleValue())
                .as("the latest value is the newest reading although it was not posted last").isEqualTo(1.61);
        assertThat(read.getObservations().toList().getFirst().getFeatureOfInterest())
                .as("made from the Thing's Location").isNotNull();
    }

    @Test
    void thingsExpandTheirDatastreamsWithTheNewestTwoObservationsEach() throws Exception {
        Datastream stream = newDatastream("水位 nested");
        for (int minute = 0; minute < 5; minute++) {
            Observation observation = new Observation(2.0 + minute, stream);
            observation.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-12-08T10:0" + minute + ":00Z"));
            service.create(observation);
        }

        JsonNode thing = get("/sta/v1.1/Things(" + gauge.getId().getUrl() + ")?$expand="
                + encode("Datastreams($filter=name eq '水位 nested';$expand=Observations($orderby=phenomenonTime desc;$top=2))"));

        JsonNode readings = thing.path("Datastreams").get(0).path("Observations");
        assertThat(readings).hasSize(2);
        assertThat(readings.get(0).path("result").asDouble()).isEqualTo(6.0);
        assertThat(readings.get(0).path("phenomenonTime").asText()).isEqualTo("2026-12-08T10:04:00Z");
        assertThat(readings.get(1).path("result").asDouble()).isEqualTo(5.0);
        assertThat(thing.path("Datastreams").get(0).path("Thing@iot.navigationLink").asText()).endsWith("/Thing");
    }

    @Test
    void aMultiDatastreamAndItsArrayReadingsGoThroughTheClientsOwnModel() throws Exception {
        MultiDatastream levelAndTemperature = new MultiDatastream("水位・水温 Level and water temperature", "Level and temperature at 高角橋",
                List.of(MEASUREMENT, MEASUREMENT), List.of(new UnitOfMeasurement("metre", "m", null), new UnitOfMeasurement("degree Celsius", "degC", null)));
        levelAndTemperature.setObservationType("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation");
        levelAndTemperature.setThing(gauge.withOnlyId());
        levelAndTemperature.setSensor(level.getSensor().withOnlyId());
        levelAndTemperature.setObservedProperties(List.of(level.getObservedProperty().withOnlyId(),
                new ObservedProperty("水温 Water temperature", "http://vocabs.example.jp/water-temperature", "Temperature of the river water")));
        service.create(levelAndTemperature);
        Observation single = new Observation(List.of(1.42, 8.5), levelAndTemperature);
        single.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-12-08T09:00:00+09:00"));
        service.create(single);
        DataArrayValue array = new DataArrayValue(levelAndTemperature, EnumSet.of(DataArrayValue.Property.PhenomenonTime, DataArrayValue.Property.Result));
        Observation later = new Observation(List.of(1.55, 8.25), levelAndTemperature);
        later.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-12-08T09:10:00+09:00"));
        array.addObservation(later);
        DataArrayDocument document = new DataArrayDocument();
        document.addDataArrayValue(array);

        assertThat(service.create(document)).singleElement().satisfies(link -> assertThat(link).contains("/sta/v1.1/Observations("));

        MultiDatastream read = service.multiDatastreams().query().filter("id eq " + levelAndTemperature.getId().getUrl())
                .expand("ObservedProperties,Observations($orderby=phenomenonTime desc)").first();
        assertThat(read.getUnitOfMeasurements()).extracting(UnitOfMeasurement::getSymbol).containsExactly("m", "degC");
        assertThat(read.getObservedProperties().toList()).extracting(ObservedProperty::getName)
                .containsExactly("水位 Water level", "水温 Water temperature");
        assertThat(read.getObservations().toList()).extracting(observation -> observation.getResult().toString())
                .containsExactly("[1.55, 8.25]", "[1.42, 8.5]");
        assertThat(service.things().query().filter("id eq " + gauge.getId().getUrl()).expand("MultiDatastreams").first()
                .getMultiDatastreams().toList()).extracting(MultiDatastream::getName).contains("水位・水温 Level and water temperature");
    }

    @Test
    void aFilterOnResultAndTimeCountsTheMatchingReadings() throws Exception {
        Datastream stream = newDatastream("水位 filter");
        for (int hour = 0; hour < 6; hour++) {
            Observation observation = new Observation(1.0 + hour, stream);
            observation.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-11-30T0" + hour + ":00:00Z"));
            service.create(observation);
        }

        EntityList<Observation> high = stream.observations().query()
                .filter("result gt 3 and phenomenonTime ge 2026-11-30T03:00:00Z").count().list();

        assertThat(high.getCount()).isEqualTo(3);
        assertThat(high.toList()).extracting(observation -> ((Number) observation.getResult()).doubleValue()).containsExactly(4.0, 5.0, 6.0);
    }

    @Test
    void locationsAreFoundByAPolygonAndThingsByTheirLocations() throws Exception {
        String aroundMasuda = "geography'POLYGON((131.80 34.65, 131.90 34.65, 131.90 34.70, 131.80 34.70, 131.80 34.65))'";
        String faraway = "geography'POLYGON((139.0 35.0, 139.1 35.0, 139.1 35.1, 139.0 35.1, 139.0 35.0))'";

        assertThat(service.locations().query().filter("geo.intersects(location, " + aroundMasuda + ")").list().toList())
                .extracting(Location::getName).contains("高角橋");
        assertThat(service.locations().query().filter("geo.intersects(location, " + faraway + ")").list().toList()).isEmpty();
        assertThat(service.things().query().filter("st_within(Locations/location, " + aroundMasuda + ")").list().toList())
                .extracting(Thing::getName).contains("高津川 水位計 高角橋");
        assertThat(service.locations().query().filter("geo.distance(location, geography'POINT(131.8412 34.6901)') lt 0.011").list().toList())
                .extracting(Location::getName).contains("高角橋");
    }

    @Test
    void aClientPagesThroughAllReadingsByTheNextLink() throws Exception {
        Datastream stream = newDatastream("水位 paging");
        for (int minute = 0; minute < 7; minute++) {
            Observation observation = new Observation(minute, stream);
            observation.setPhenomenonTimeFrom(ZonedDateTime.parse("2026-12-01T00:0" + minute + ":00Z"));
            service.create(observation);
        }

        EntityList<Observation> page = stream.observations().query().orderBy("phenomenonTime asc").top(3).count().list();
        List<Object> results = new ArrayList<>();
        page.fullIterator().forEachRemaining(observation -> results.add(((Number) observation.getResult()).intValue()));

        assertThat(page.getCount()).isEqualTo(7);
        assertThat(page.getNextLink()).isNotNull();
        assertThat(results).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void aBadFilterIsA400ProblemNamingWhere() throws Exception {
        HttpResponse<String> response = send("GET", "/sta/v1.1/Observations?$filter="
                + encode("result gt and phenomenonTime ge 2026-01-01T00:00:00Z"), null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("position").asInt()).isEqualTo(10);
        assertThat(problem.path("parameter").asText()).isEqualTo("$filter");
        assertThat(problem.path("detail").asText()).contains("position 10", "'and'");
    }

    @Test
    void propertiesReadAloneAndAsRawValuesAndCollectionsAsReferences() throws Exception {
        String thing = "/sta/v1.1/Things(" + gauge.getId().getUrl() + ")";

        assertThat(get(thing + "/name").path("name").asText()).isEqualTo("高津川 水位計 高角橋");
        assertThat(text(thing + "/name/$value")).isEqualTo("高津川 水位計 高角橋");
        assertThat(get(thing + "/Datastreams/$ref").path("value").get(0).path("@iot.selfLink").asText()).contains("/Datastreams(");
        assertThat(get("/sta/v1.1").path("value")).extracting(entry -> entry.path("name").asText())
                .contains("Things", "Locations", "Datastreams", "Observations", "FeaturesOfInterest");
    }

    private Datastream newDatastream(String name) throws Exception {
        Datastream stream = new Datastream(name, "a datastream of its own", MEASUREMENT, new UnitOfMeasurement("metre", "m", null));
        stream.setThing(gauge.withOnlyId());
        stream.setSensor(level.getSensor().withOnlyId());
        stream.setObservedProperty(level.getObservedProperty().withOnlyId());
        service.create(stream);
        return stream;
    }
}
