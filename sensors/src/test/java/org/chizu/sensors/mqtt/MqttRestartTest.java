package org.chizu.sensors.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chizu.sensors.mqtt.MqttObservationsTest.await;
import static org.chizu.sensors.mqtt.MqttObservationsTest.awaitSignIn;
import static org.chizu.sensors.mqtt.MqttObservationsTest.signOut;
import static org.chizu.sensors.mqtt.MqttObservationsTest.topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.chizu.accounts.ApiClients;
import org.chizu.platform.testing.TestDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issue's promise, as a crash would test it: a device publishes at QoS 1 all the while Chizu is
 * killed (a Chizu of its own, a separate JVM, ended with SIGKILL in whatever batch it was storing),
 * Mosquitto is restarted, and Chizu is started again; every observation the broker acknowledged to
 * the device is then stored exactly once. This test's own context has no bridge: it only reads the
 * database and issues the device's token.
 */
@SpringBootTest(classes = MqttTestApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class MqttRestartTest {

    static final TestBroker broker = TestBroker.ofTestRun();
    static final TestDatabase database = TestDatabase.fresh();
    /** Chizu's settings, its persistent session's client id among them: the same for each start. */
    static final Map<String, Supplier<Object>> chizuSettings = new LinkedHashMap<>();

    @DynamicPropertySource
    static void databaseOnly(DynamicPropertyRegistry registry) {
        database.register(registry);
        database.register(chizuSettings::put);
        broker.register(chizuSettings::put);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiClients clients;

    private final List<Process> started = new ArrayList<>();

    @Test
    void killingChizuAndRestartingMosquittoDuringIngestLosesNoAcknowledgedObservation() throws Exception {
        String token = clients.issue("水位計 高津川 3", Set.of("sensors:observe")).token();
        long datastream = MqttTestData.riverLevelDatastream(jdbc, "水位計 高津川 3");
        Process chizu = startChizu("first");

        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread device = Thread.ofPlatform().start(() -> publishUntilStopped(datastream, token, acknowledged, publishing));

        await(() -> stored(datastream) >= 200, "some stored by the first Chizu");
        chizu.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(chizu.isAlive()).as("Chizu killed").isFalse();
        int atKill = acknowledged.get();
        await(() -> acknowledged.get() >= atKill + 300, "the broker goes on taking readings while Chizu is gone");

        broker.restart();
        int atBrokerRestart = acknowledged.get();
        await(() -> acknowledged.get() >= atBrokerRestart + 300, "the device back on the restarted broker");

        long storedBefore = stored(datastream);
        startChizu("second");
        await(() -> stored(datastream) >= storedBefore + 600, "the second Chizu storing what was queued");
        publishing.set(false);
        device.join(30_000);

        int readings = acknowledged.get();
        assertThat(readings).isGreaterThan(atBrokerRestart + 300);
        for (int wait = 0; wait < 600 && missing(datastream, readings).size() > 0; wait++) {
            Thread.sleep(100);
        }
        assertThat(missing(datastream, readings)).as("acknowledged readings not stored (of %d: Chizu killed after %d, Mosquitto restarted after %d, "
                + "%d stored before the second Chizu; what is missing, from-to: %s)", readings, atKill, atBrokerRestart, storedBefore,
                missingRuns(datastream, readings)).isEmpty();
        Thread.sleep(500);
        assertThat(jdbc.queryForList("""
                select result_number::int from sta_observation where datastream_id = ?
                group by result_number having count(*) > 1 limit 20""", Integer.class, datastream)).as("readings stored twice").isEmpty();
    }

    /** Stops the second Chizu, and keeps the broker's log beside the two Chizus' for whoever reads a failure. */
    @AfterAll
    void stopChizu() throws InterruptedException, IOException {
        Path brokerLog = broker.directory().resolve("mosquitto.log");
        if (Files.isReadable(brokerLog)) {
            Files.copy(brokerLog, Path.of("target", "mqtt-restart", "mosquitto.log"), StandardCopyOption.REPLACE_EXISTING);
        }
        for (Process chizu : started) {
            chizu.destroy();
            if (!chizu.waitFor(20, TimeUnit.SECONDS)) {
                chizu.destroyForcibly();
            }
        }
    }

    /**
     * Publishes reading after reading, each counted once the broker acknowledged it. When the broker
     * goes away the unacknowledged reading is sent again on a new connection (the broker may then hold
     * it twice, which the bridge recognises).
     */
    private void publishUntilStopped(long datastream, String token, AtomicInteger acknowledged, AtomicBoolean publishing) {
        try {
            MqttClient gauge = awaitSignIn(() -> broker.device("水位計 高津川 3", token));
            while (publishing.get()) {
                try {
                    gauge.publish(topic(datastream), reading(acknowledged.get()), 1, false);
                    acknowledged.incrementAndGet();
                    Thread.sleep(2);
                } catch (MqttException lost) {
                    gauge.close(true);
                    gauge = reconnected(token);
                }
            }
            signOut(gauge);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MqttClient reconnected(String token) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return broker.device("水位計 高津川 3", token);
            } catch (MqttException notYet) {
                assertThat(System.nanoTime()).as("the device reconnects: %s", notYet.getMessage()).isLessThan(until);
                Thread.sleep(100);
            }
        }
    }

    /** A Chizu of its own in a separate JVM, on the test's database and broker, once its bridge is connected. */
    private Process startChizu(String name) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Chizu.class.getName(), "--server.port=0"));
        chizuSettings.forEach((key, value) -> command.add("--" + key + "=" + value.get()));
        Path log = Files.createDirectories(Path.of("target", "mqtt-restart")).resolve(name + ".log");
        Process chizu = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        started.add(chizu);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("MQTT bridge connected")) {
            assertThat(chizu.isAlive()).as("Chizu (%s) running; its log: %s", name, log.toAbsolutePath()).isTrue();
            assertThat(System.nanoTime()).as("Chizu (%s) connected to the broker; its log: %s", name, log.toAbsolutePath()).isLessThan(until);
            Thread.sleep(200);
        }
        return chizu;
    }

    private List<Integer> missing(long datastream, int count) {
        return jdbc.queryForList("""
                select i from generate_series(0, ? - 1) i
                where not exists (select 1 from sta_observation where datastream_id = ? and result_number = i) limit 20""",
                Integer.class, count, datastream);
    }

    /** The runs of missing readings, for the failure's message. */
    private List<String> missingRuns(long datastream, int count) {
        return jdbc.queryForList("""
                select min(i) || '-' || max(i) from (
                    select i, i - row_number() over (order by i) as run from generate_series(0, ? - 1) i
                    where not exists (select 1 from sta_observation where datastream_id = ? and result_number = i)) missing
                group by run order by min(i)""", String.class, count, datastream);
    }

    private long stored(long datastream) {
        return jdbc.queryForObject("select count(*) from sta_observation where datastream_id = ?", Long.class, datastream);
    }

    /** The i-th reading, a minute after the one before, its value i. */
    private static byte[] reading(int i) {
        return ("{\"phenomenonTime\": \"" + Instant.parse("2026-12-09T00:00:00Z").plusSeconds(60L * i) + "\", \"result\": " + i + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The application that the separate JVM runs. */
    public static final class Chizu {

        public static void main(String[] args) {
            SpringApplication.run(MqttTestApplication.class, args);
        }
    }
}
