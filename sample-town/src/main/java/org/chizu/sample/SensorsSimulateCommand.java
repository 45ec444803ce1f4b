package org.chizu.sample;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.chizu.sensors.MultiObservations;
import org.chizu.sensors.NewMultiObservation;
import org.chizu.sensors.NewObservation;
import org.chizu.sensors.ObservationPublisher;
import org.chizu.sensors.Observations;
import org.chizu.sensors.SensorThings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ./chizu sensors simulate [--speed N]}: replays a heavy rain (大雨) over the sample town's
 * sensors, the same on every run: the rain gauges rise to 猛烈な雨, the slopes' soil moisture climbs
 * through its levels, the rivers rise through all four national levels, the weather station
 * (a MultiDatastream) reads the air cooling, the humidity rising and the rain, and then everything falls
 * back, {@value #HOURS} hours in readings every ten minutes. The readings' times run {@code N} times
 * faster than the clock (default {@value #DEFAULT_SPEED}, about three minutes), starting after the
 * newest reading, so the map and {@code /alerts} of a running server turn as the alerts are raised,
 * updated and cleared.
 * <p>
 * With a broker ({@code chizu.mqtt.url}, which {@code ./chizu} sets for the one it starts) the
 * readings go the devices' way: published through MQTT with QoS 1 ({@link ObservationPublisher}),
 * each ten minutes' readings acknowledged by the broker before the next, and stored by the server's
 * bridge. Without one, each ten minutes' readings are one append ({@link Observations#append}), as
 * one MQTT batch of the bridge would be.
 */
@Component
class SensorsSimulateCommand implements ChizuCommand {

    static final int HOURS = 12;
    static final double DEFAULT_SPEED = 240;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.of("Asia/Tokyo"));

    private final SensorThings sensorThings;
    private final Observations observations;
    private final MultiObservations multiObservations;
    private final ObjectProvider<ObservationPublisher> broker;
    private final ObjectMapper json;

    SensorsSimulateCommand(SensorThings sensorThings, Observations observations, MultiObservations multiObservations,
            ObjectProvider<ObservationPublisher> broker, ObjectMapper json) {
        this.sensorThings = sensorThings;
        this.observations = observations;
        this.multiObservations = multiObservations;
        this.broker = broker;
        this.json = json;
    }

    @Override
    public List<String> words() {
        return List.of("sensors", "simulate");
    }

    @Override
    public String usage() {
        return "sensors simulate [--speed N]   replay a heavy rain over the sample town's sensors, N times faster than real time (default "
                + (int) DEFAULT_SPEED + ")";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws InterruptedException {
        double speed = new CommandArguments(arguments, Set.of("speed"), Set.of()).option("speed").map(SensorsSimulateCommand::speed)
                .orElse(DEFAULT_SPEED);
        Map<Long, SampleDatastream> datastreams = sampleDatastreams();
        Map<Long, SampleMultiDatastream> stations = sampleMultiDatastreams();
        if (datastreams.isEmpty()) {
            throw new IllegalArgumentException("no sample sensors: the sample town is not loaded in this database");
        }
        Instant start = observations.latest(datastreams.keySet()).values().stream().map(latest -> latest.phenomenonTime().last())
                .max(Instant::compareTo).map(newest -> newest.plus(SampleSensors.INTERVAL)).filter(next -> next.isAfter(Instant.now()))
                .orElse(Instant.now());
        Random random = new Random(HOURS);
        int steps = (int) (Duration.ofHours(HOURS).toMinutes() / SampleSensors.INTERVAL.toMinutes());
        long pauseMillis = Math.round(SampleSensors.INTERVAL.toMillis() / speed);
        ObservationPublisher publisher = broker.getIfAvailable();
        out.printf("replaying %d hours of heavy rain over %d sensors and %d weather stations from %s, %s× real time, %s%n", HOURS, datastreams.size(), stations.size(), CLOCK.format(start),
                speed % 1 == 0 ? String.valueOf((long) speed) : String.valueOf(speed),
                publisher == null ? "appended directly (no MQTT broker configured)" : "published through the MQTT broker");
        for (int step = 0; step <= steps; step++) {
            Instant at = start.plus(SampleSensors.INTERVAL.multipliedBy(step));
            double hours = step * SampleSensors.INTERVAL.toMinutes() / 60.0;
            List<NewObservation> batch = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (var entry : datastreams.entrySet()) {
                double value = entry.getValue().profile().eventReading(hours, random);
                batch.add(NewObservation.of(entry.getKey(), at, json.getNodeFactory().numberNode(value)));
                shown.add(String.format(Locale.ROOT, "%s %s", entry.getValue().name(), trim(value)));
            }
            List<NewMultiObservation> multiBatch = new ArrayList<>();
            for (var entry : stations.entrySet()) {
                ArrayNode result = json.createArrayNode();
                entry.getValue().profiles().forEach(profile -> result.add(profile.eventReading(hours, random)));
                multiBatch.add(NewMultiObservation.of(entry.getKey(), at, result));
                shown.add(entry.getValue().name() + " " + result);
            }
            if (publisher == null) {
                observations.append(batch);
                multiObservations.append(multiBatch);
            } else {
                publisher.publish(Stream.concat(batch.stream(), multiBatch.stream()).toList());
            }
            if (step % 6 == 0) {
                out.println(CLOCK.format(at) + "  " + String.join(" | ", shown));
            }
            if (step < steps && pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        out.println("the rain has passed; readings are quiet again");
        return 0;
    }

    /** A sample datastream: its Thing's name and how its readings go. */
    private record SampleDatastream(String name, SensorProfile profile) {
    }

    /** A sample MultiDatastream: its Thing's name and how each of its quantities goes, in its order. */
    private record SampleMultiDatastream(String name, List<SensorProfile> profiles) {
    }

    /** Every MultiDatastream the sample placed (those that carry {@code properties.sample}), by id. */
    private Map<Long, SampleMultiDatastream> sampleMultiDatastreams() {
        Map<Long, SampleMultiDatastream> found = new LinkedHashMap<>();
        sampleProfiles("MultiDatastreams", (id, name, sample) -> found.put(id, new SampleMultiDatastream(name,
                List.of(json.treeToValue(sample, SensorProfile[].class)))));
        return found;
    }

    /** Every datastream the sample placed (those that carry {@code properties.sample}), by id. */
    private Map<Long, SampleDatastream> sampleDatastreams() {
        Map<Long, SampleDatastream> found = new LinkedHashMap<>();
        sampleProfiles("Datastreams", (id, name, sample) -> found.put(id, new SampleDatastream(name, json.treeToValue(sample, SensorProfile.class))));
        return found;
    }

    /** What reads one stream's {@code properties.sample}. */
    private interface SampleReader {
        void read(long id, String thing, JsonNode sample) throws JsonProcessingException;
    }

    /** Hands each stream of the set ({@code Datastreams}, {@code MultiDatastreams}) that carries {@code properties.sample} to the reader, by id. */
    private void sampleProfiles(String set, SampleReader reader) {
        JsonNode page = sensorThings.read(set, Map.of("$select", "id,properties", "$expand", "Thing($select=name)",
                "$orderby", "id", "$top", "1000"));
        for (JsonNode stream : page.path("value")) {
            JsonNode sample = stream.path("properties").path("sample");
            if (!sample.isMissingNode() && !sample.isNull()) {
                try {
                    reader.read(stream.path("@iot.id").asLong(), stream.path("Thing").path("name").asText(), sample);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(set + "(" + stream.path("@iot.id") + ") has a sample profile that does not read", e);
                }
            }
        }
    }

    private static double speed(String text) {
        try {
            double speed = Double.parseDouble(text);
            if (speed > 0 && Double.isFinite(speed)) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--speed takes a number above 0, such as 60 (an hour a minute), not " + text);
    }

    private static String trim(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
