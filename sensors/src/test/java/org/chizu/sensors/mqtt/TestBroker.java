package org.chizu.sensors.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Mosquitto that {@code ./chizu test} starts for the run, configured as {@code ./chizu run}
 * configures its own: Chizu and subscribers on {@code url}, devices on {@code deviceUrl} and, over
 * TLS with the self-signed certificate the launcher made, on {@code tlsUrl}.
 *
 * @param directory      the broker's folder: its configuration, password and ACL files, pid file
 * @param tlsCertificate the TLS listener's certificate (PEM), which devices trust
 */
record TestBroker(String url, String deviceUrl, String tlsUrl, Path tlsCertificate, String user, String password, Path directory) {

    static TestBroker ofTestRun() {
        return new TestBroker(env("CHIZU_TEST_MQTT_URL"), env("CHIZU_TEST_MQTT_DEVICE_URL"), env("CHIZU_TEST_MQTT_TLS_URL"),
                Path.of(env("CHIZU_TEST_MQTT_TLS_CERT")), env("CHIZU_TEST_MQTT_USER"), env("CHIZU_TEST_MQTT_PASSWORD"),
                Path.of(env("CHIZU_TEST_MQTT_DIRECTORY")));
    }

    /**
     * Points the application's bridge at the broker with a session of its own, and lets the test say
     * when the broker's users are rewritten.
     */
    void register(DynamicPropertyRegistry registry) {
        registry.add("chizu.mqtt.url", this::url);
        registry.add("chizu.mqtt.user", this::user);
        registry.add("chizu.mqtt.password", this::password);
        registry.add("chizu.mqtt.broker-directory", directory::toString);
        String session = "chizu-test-" + UUID.randomUUID();
        registry.add("chizu.mqtt.client-id", () -> session);
        registry.add("chizu.mqtt.credentials-interval", () -> "PT1H");
    }

    /** A device signed in with its platform token on the devices' listener. */
    MqttClient device(String name, String token) throws MqttException {
        return connected(deviceUrl, name, token);
    }

    /** A client signed in on the listener where Chizu announces observations. */
    MqttClient subscriber(String name, String token) throws MqttException {
        return connected(url, name, token);
    }

    /** A device in the field: over TLS, trusting the broker's certificate and checking that it names the host. */
    MqttClient deviceOverTls(String name, String token) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(tlsCertificate)) {
            trusted.setCertificateEntry("broker", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        MqttConnectOptions options = options(name, token);
        options.setSocketFactory(tls.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(true);
        MqttClient client = new MqttClient(tlsUrl, "test-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(options);
        return client;
    }

    static MqttClient connected(String url, String name, String token) throws MqttException {
        MqttClient client = new MqttClient(url, "test-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(options(name, token));
        return client;
    }

    private static MqttConnectOptions options(String name, String token) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(name);
        options.setPassword(token.toCharArray());
        options.setMaxInflight(1000);
        return options;
    }

    /**
     * Runs the action, which has Chizu change the broker's users, and waits until the broker reloaded
     * them (it says so in its log).
     */
    void awaitReload(Runnable action) throws IOException, InterruptedException {
        Path log = directory.resolve("mosquitto.log");
        long before = Files.readString(log).lines().filter(line -> line.endsWith("Reloading config.")).count();
        action.run();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.readString(log).lines().filter(line -> line.endsWith("Reloading config.")).count() == before) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the broker did not reload its users");
            }
            Thread.sleep(50);
        }
    }

    /** Stops the broker as an administrator would (it saves its sessions and queues), and starts it again. */
    void restart() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(directory.resolve("mosquitto.pid")).strip());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("the test broker is not running"));
        broker.destroy();
        try {
            broker.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the test broker did not stop", e);
        }
        Process start = new ProcessBuilder("/usr/sbin/mosquitto", "-c", directory.resolve("mosquitto.conf").toString(), "-d")
                .inheritIO().start();
        if (start.waitFor() != 0) {
            throw new IllegalStateException("the test broker did not start again");
        }
        awaitListening(Duration.ofSeconds(10));
    }

    private void awaitListening(Duration within) throws InterruptedException {
        URI address = URI.create(deviceUrl);
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            try (Socket ignored = new Socket(address.getHost(), address.getPort())) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the test broker does not listen on " + deviceUrl);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./chizu test, which starts the MQTT broker they need");
        }
        return value;
    }
}
