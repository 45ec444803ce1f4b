package org.chizu.sensors.mqtt;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.Reading;
import org.chizu.sensors.TimeInterval;

/**
 * Reads an Observation a device published as the SensorThings MQTT extension says: its JSON to
 * {@code v1.1/Datastreams(ID)/Observations} or {@code v1.1/MultiDatastreams(ID)/Observations}, or to
 * {@code v1.1/Observations} naming its {@code Datastream} or {@code MultiDatastream} by {@code @iot.id}. Unlike over HTTP the phenomenonTime is required: it is what
 * tells a broker's redelivery from a new reading.
 */
final class ObservationMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OF_STREAM = Pattern.compile("v1\\.1/(Datastream|MultiDatastream)s\\((\\d+)\\)/Observations");

    /** The Datastream or MultiDatastream a message is of. */
    private record Stream(boolean multi, long id) {
    }

    private ObservationMessage() {
    }

    /**
     * @param topic   the topic without the ingest prefix
     * @throws IllegalArgumentException saying what is wrong, in words for the log
     */
    static Reading read(String topic, byte[] payload) {
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an Observation must be a JSON object");
        }
        Stream stream = stream(topic, json);
        if (!json.has("result")) {
            throw new IllegalArgumentException("an Observation needs its result");
        }
        if (!json.path("phenomenonTime").isTextual()) {
            throw new IllegalArgumentException("an Observation over MQTT needs its phenomenonTime");
        }
        TimeInterval phenomenonTime = TimeInterval.parse(json.get("phenomenonTime").asText());
        Instant resultTime = json.hasNonNull("resultTime") ? TimeInterval.instant(text(json, "resultTime")) : null;
        Long feature = json.hasNonNull("FeatureOfInterest") ? id(json.get("FeatureOfInterest"), "FeatureOfInterest") : null;
        TimeInterval validTime = json.hasNonNull("validTime") ? TimeInterval.parse(text(json, "validTime")) : null;
        if (!stream.multi()) {
            return new NewObservation(stream.id(), phenomenonTime, resultTime, json.get("result"), feature, nonNull(json.get("resultQuality")),
                    validTime, nonNull(json.get("parameters")));
        }
        return new NewMultiObservation(stream.id(), phenomenonTime, resultTime, json.get("result"), feature, nonNull(json.get("resultQuality")),
                validTime, nonNull(json.get("parameters")));
    }

    private static Stream stream(String topic, JsonNode json) {
        Matcher path = OF_STREAM.matcher(topic);
        if (path.matches()) {
            return new Stream(path.group(1).equals("MultiDatastream"), Long.parseLong(path.group(2)));
        }
        if (topic.equals("v1.1/Observations")) {
            boolean multi = json.hasNonNull("MultiDatastream");
            if (multi && json.hasNonNull("Datastream")) {
                throw new IllegalArgumentException("an Observation belongs to one Datastream or one MultiDatastream, not both");
            }
            return multi ? new Stream(true, id(json.get("MultiDatastream"), "MultiDatastream")) : new Stream(false, id(json.get("Datastream"), "Datastream"));
        }
        throw new IllegalArgumentException("observations are published to v1.1/Datastreams(ID)/Observations, v1.1/MultiDatastreams(ID)/Observations "
                + "or v1.1/Observations, not " + topic);
    }

    private static long id(JsonNode reference, String name) {
        JsonNode id = reference == null ? null : reference.get("@iot.id");
        if (id == null || !id.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("an Observation names its " + name + " as {\"@iot.id\": ID}");
        }
        return id.asLong();
    }

    private static String text(JsonNode json, String name) {
        if (!json.get(name).isTextual()) {
            throw new IllegalArgumentException(name + " must be an ISO 8601 text");
        }
        return json.get(name).asText();
    }

    private static JsonNode nonNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
