package org.chizu.sensors.sta;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.sensors.sta.Navigation.ManyToMany;
import org.chizu.sensors.sta.Navigation.ToMany;
import org.chizu.sensors.sta.Navigation.ToOne;

/** The SensorThings entity types (Sensing part, with the MultiDatastream extension), their tables, properties and navigation properties. */
enum EntityType {
    THING("Things", "Thing", "sta_thing",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.json("properties", "properties", false)),
    LOCATION("Locations", "Location", "sta_location",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.text("encodingType", "encoding_type", true), Property.geometry("location", "location", true),
            Property.json("properties", "properties", false)),
    HISTORICAL_LOCATION("HistoricalLocations", "HistoricalLocation", "sta_historical_location",
            Property.time("time", "time", true)),
    SENSOR("Sensors", "Sensor", "sta_sensor",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.text("encodingType", "encoding_type", true), Property.text("metadata", "metadata", true),
            Property.json("properties", "properties", false)),
    OBSERVED_PROPERTY("ObservedProperties", "ObservedProperty", "sta_observed_property",
            Property.text("name", "name", true), Property.text("definition", "definition", true),
            Property.text("description", "description", false), Property.json("properties", "properties", false)),
    DATASTREAM("Datastreams", "Datastream", "sta_datastream",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.text("observationType", "observation_type", true), Property.json("unitOfMeasurement", "unit_of_measurement", true),
            Property.geometry("observedArea", "observed_area", false).serverKept(),
            Property.interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end").serverKept(),
            Property.interval("resultTime", "result_time_start", "result_time_end").serverKept(),
            Property.json("properties", "properties", false)),
    MULTI_DATASTREAM("MultiDatastreams", "MultiDatastream", "sta_multi_datastream",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.text("observationType", "observation_type", false),
            Property.json("multiObservationDataTypes", "multi_observation_data_types", true),
            Property.json("unitOfMeasurements", "unit_of_measurements", true),
            Property.geometry("observedArea", "observed_area", false).serverKept(),
            Property.interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end").serverKept(),
            Property.interval("resultTime", "result_time_start", "result_time_end").serverKept(),
            Property.json("properties", "properties", false)),
    FEATURE_OF_INTEREST("FeaturesOfInterest", "FeatureOfInterest", "sta_feature_of_interest",
            Property.text("name", "name", true), Property.text("description", "description", false),
            Property.text("encodingType", "encoding_type", true), Property.geometry("feature", "feature", true),
            Property.json("properties", "properties", false)),
    OBSERVATION("Observations", "Observation", "sta_observation",
            Property.interval("phenomenonTime", "phenomenon_time_start", "phenomenon_time_end"),
            Property.time("resultTime", "result_time", false),
            new Property("result", Property.Kind.RESULT, "result_number", "result_json", true, false),
            Property.json("resultQuality", "result_quality", false),
            Property.interval("validTime", "valid_time_start", "valid_time_end"),
            Property.json("parameters", "parameters", false));

    /** A MultiDatastream's ObservedProperties, in the order of its results' values. */
    private static final ManyToMany MULTI_DATASTREAM_PROPERTIES = new ManyToMany("sta_multi_datastream_observed_property",
            "multi_datastream_id", "observed_property_id", "multi_datastream_id", "position");

    static {
        THING.navigate(new Navigation("Locations", LOCATION, new ManyToMany("sta_thing_location", "thing_id", "location_id")),
                new Navigation("HistoricalLocations", HISTORICAL_LOCATION, new ToMany("thing_id")),
                new Navigation("Datastreams", DATASTREAM, new ToMany("thing_id")),
                new Navigation("MultiDatastreams", MULTI_DATASTREAM, new ToMany("thing_id")));
        LOCATION.navigate(new Navigation("Things", THING, new ManyToMany("sta_thing_location", "location_id", "thing_id")),
                new Navigation("HistoricalLocations", HISTORICAL_LOCATION,
                        new ManyToMany("sta_historical_location_location", "location_id", "historical_location_id")));
        HISTORICAL_LOCATION.navigate(new Navigation("Thing", THING, new ToOne("thing_id")),
                new Navigation("Locations", LOCATION, new ManyToMany("sta_historical_location_location", "historical_location_id", "location_id")));
        SENSOR.navigate(new Navigation("Datastreams", DATASTREAM, new ToMany("sensor_id")),
                new Navigation("MultiDatastreams", MULTI_DATASTREAM, new ToMany("sensor_id")));
        OBSERVED_PROPERTY.navigate(new Navigation("Datastreams", DATASTREAM, new ToMany("observed_property_id")),
                new Navigation("MultiDatastreams", MULTI_DATASTREAM, MULTI_DATASTREAM_PROPERTIES.reversed()));
        DATASTREAM.navigate(new Navigation("Thing", THING, new ToOne("thing_id")),
                new Navigation("Sensor", SENSOR, new ToOne("sensor_id")),
                new Navigation("ObservedProperty", OBSERVED_PROPERTY, new ToOne("observed_property_id")),
                new Navigation("Observations", OBSERVATION, new ToMany("datastream_id")));
        MULTI_DATASTREAM.navigate(new Navigation("Thing", THING, new ToOne("thing_id")),
                new Navigation("Sensor", SENSOR, new ToOne("sensor_id")),
                new Navigation("ObservedProperties", OBSERVED_PROPERTY, MULTI_DATASTREAM_PROPERTIES),
                new Navigation("Observations", OBSERVATION, new ToMany("multi_datastream_id")));
        FEATURE_OF_INTEREST.navigate(new Navigation("Observations", OBSERVATION, new ToMany("feature_of_interest_id")));
        OBSERVATION.navigate(new Navigation("Datastream", DATASTREAM, new ToOne("datastream_id")),
                new Navigation("MultiDatastream", MULTI_DATASTREAM, new ToOne("multi_datastream_id")),
                new Navigation("FeatureOfInterest", FEATURE_OF_INTEREST, new ToOne("feature_of_interest_id")));
    }

    private final String setName;
    private final String singular;
    private final String table;
    private final Map<String, Property> properties = new LinkedHashMap<>();
    private final Map<String, Navigation> navigations = new LinkedHashMap<>();

    EntityType(String setName, String singular, String table, Property... properties) {
        this.setName = setName;
        this.singular = singular;
        this.table = table;
        Arrays.stream(properties).forEach(property -> this.properties.put(property.name(), property));
    }

    private void navigate(Navigation... links) {
        Arrays.stream(links).forEach(link -> navigations.put(link.name(), link));
    }

    /** The entity set's name in paths: {@code Things}. */
    String setName() {
        return setName;
    }

    /** The entity's name in a to-one navigation: {@code Thing}. */
    String singular() {
        return singular;
    }

    String table() {
        return table;
    }

    List<Property> properties() {
        return List.copyOf(properties.values());
    }

    Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    List<Navigation> navigations() {
        return List.copyOf(navigations.values());
    }

    Optional<Navigation> navigation(String name) {
        return Optional.ofNullable(navigations.get(name));
    }

    static Optional<EntityType> ofSet(String setName) {
        return Arrays.stream(values()).filter(type -> type.setName.equals(setName)).findFirst();
    }
}
