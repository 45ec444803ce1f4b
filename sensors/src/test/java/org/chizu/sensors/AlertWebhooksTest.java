package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Another system receives the alerts of a gauge by webhook: a real HTTP server on this machine that
 * checks each POST's HMAC-SHA256 signature as its documentation tells a receiver to, and answers its
 * first POST with 503, which Chizu retries with the same event id until it is taken. Webhooks are never
 * called inside the network (loopback, link-local, private addresses …), at registration nor after
 * their name moved there, except on the hosts the town allows (here the receiver's address).
 */
class AlertWebhooksTest extends RunningSensors {

    static final String SECRET = "whsec-kasen-bousai-0123456789";

    @DynamicPropertySource
    static void quickRetries(DynamicPropertyRegistry registry) {
        registry.add("chizu.sensors.webhooks.poll-interval", () -> "PT0.2S");
        registry.add("chizu.sensors.webhooks.retry-delays", () -> "PT0.5S");
        // The receiver runs on this machine: the town allows its address as it would its own intranet's.
        registry.add("chizu.sensors.webhooks.allowed-private-hosts", () -> "127.0.0.1");
    }

    /** One POST as the receiver saw it, and whether its signature held. */
    record Received(String eventId, int attempt, boolean signatureValid, long clockSkewSeconds, JsonNode body, int answered) {
    }

    @Autowired
    Observations observations;
    @Autowired
    JdbcTemplate jdbc;

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger posts = new AtomicInteger();
    final AtomicInteger intranetPosts = new AtomicInteger();
    HttpServer receiver;

    @BeforeAll
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/chizu", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("Chizu-Signature");
            int answer = posts.incrementAndGet() == 1 ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Chizu-Event-Id"),
                    Integer.parseInt(exchange.getRequestHeaders().getFirst("Chizu-Delivery-Attempt")), verifies(signature, body),
                    Math.abs(Instant.now().getEpochSecond() - Long.parseLong(part(signature, "t"))), json.readTree(body), answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.createContext("/hooks/intranet", exchange -> {
            intranetPosts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void eachStepOfAnAlertIsPostedSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/chizu";
        assertThat(send("POST", "/api/alerts/webhooks", "{\"url\": \"" + url + "\"}").statusCode()).as("the public may not").isEqualTo(401);
        HttpResponse<String> registered = asStaff("POST", "/api/alerts/webhooks", """
                {"url": "%s", "secret": "%s", "description": "県の防災情報システム"}""".formatted(url, SECRET));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        long webhook = json.readTree(registered.body()).path("id").asLong();
        assertThat(asStaff("POST", "/api/alerts/webhooks", "{\"url\": \"ftp://example.jp/\"}").statusCode()).isEqualTo(400);

        long gauge = gauge();
        Instant nine = Instant.parse("2026-12-08T00:00:00Z");
        observations.append(List.of(reading(gauge, nine, 1.0), reading(gauge, nine.plusSeconds(600), 2.6),
                reading(gauge, nine.plusSeconds(1200), 3.4), reading(gauge, nine.plusSeconds(1800), 1.0)));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.stream().filter(r -> r.answered() == 204).count() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Received> taken = received.stream().filter(r -> r.answered() == 204).toList();
        assertThat(taken).extracting(r -> r.body().path("type").asText())
                .containsExactlyInAnyOrder("alert.raised", "alert.updated", "alert.cleared");
        assertThat(received).allMatch(Received::signatureValid).allMatch(r -> r.clockSkewSeconds() < 300);
        Received refused = received.getFirst();
        assertThat(refused.answered()).isEqualTo(503);
        assertThat(taken).as("retried with the same event id").anyMatch(r -> r.eventId().equals(refused.eventId()) && r.attempt() == 2);

        JsonNode raised = taken.stream().filter(r -> r.body().path("type").asText().equals("alert.raised")).findFirst().orElseThrow().body();
        assertThat(raised.path("cap").path("msgType").asText()).isEqualTo("Alert");
        assertThat(raised.path("cap").path("info").get(0).path("language").asText()).isEqualTo("ja-JP");
        assertThat(raised.path("cap").path("info").get(0).path("event").asText()).isEqualTo("河川水位 水防団待機水位");
        assertThat(raised.path("cap").path("info").get(1).path("severity").asText()).isEqualTo("Minor");
        assertThat(raised.path("alert").path("thing").asText()).isEqualTo("高津川 webhook 水位計");
        JsonNode cleared = taken.stream().filter(r -> r.body().path("type").asText().equals("alert.cleared")).findFirst().orElseThrow().body();
        assertThat(cleared.path("cap").path("msgType").asText()).isEqualTo("Cancel");
        assertThat(cleared.path("cap").path("references").asText()).contains("chizu-alert-");

        JsonNode listed = listed(webhook);
        assertThat(listed.path("delivered").asLong()).isEqualTo(3);
        assertThat(listed.path("waiting").asLong()).isZero();
        assertThat(listed.has("secret")).as("never shown again").isFalse();
        assertThat(send("GET", "/api/alerts/webhooks", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUrlInsideTheNetworkIsRefusedAtRegistrationUnlessTheTownAllowsItsHost() throws Exception {
        for (String inside : List.of("http://127.0.0.2:5432/", "http://localhost/", "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.10.1/", "http://[::1]/", "http://[fd12:3456::1]/",
                "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/", "http://224.0.0.251/", "http://[::ffff:127.0.0.1]/")) {
            HttpResponse<String> refused = asStaff("POST", "/api/alerts/webhooks", "{\"url\": \"" + inside + "\"}");
            assertThat(refused.statusCode()).as(inside + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).path("pointer").asText()).isEqualTo("/url");
        }
        assertThat(json.readTree(asStaff("POST", "/api/alerts/webhooks", "{\"url\": \"http://localhost/\"}").body()).path("detail").asText())
                .contains("localhost resolves to 127.0.0.1", "loopback", "allowed-private-hosts");
        assertThat(asStaff("POST", "/api/alerts/webhooks", "{\"url\": \"http://127.0.0.1:9/hooks\"}").statusCode())
                .as("named in allowed-private-hosts").isEqualTo(201);
        JsonNode webhooks = json.readTree(asStaff("GET", "/api/alerts/webhooks", null).body()).path("webhooks");
        webhooks.forEach(webhook -> assertThat(webhook.path("url").asText()).doesNotContain("169.254", "localhost", "10.1.2.3"));
        webhooks.forEach(webhook -> {
            if (webhook.path("url").asText().equals("http://127.0.0.1:9/hooks")) {
                deleteWebhook(webhook.path("id").asLong());
            }
        });
    }

    @Test
    void aWebhookWhoseNameResolvesInsideTheNetworkWhenItIsSentIsNotCalled() throws Exception {
        // Registered while its name pointed outside; today "localhost" resolves to 127.0.0.1, which the town
        // allowed by address, not by this name.
        String url = "http://localhost:" + receiver.getAddress().getPort() + "/hooks/intranet";
        long webhook = jdbc.queryForObject("insert into alert_webhook (url, secret, registered_by) values (?, ?, 'suzuki') returning id",
                Long.class, url, SECRET);
        jdbc.update("insert into alert_webhook_delivery (webhook_id, payload) values (?, '{\"type\": \"alert.raised\"}')", webhook);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (listed(webhook).path("givenUp").asLong() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(listed(webhook).path("givenUp").asLong()).as("given up at once").isEqualTo(1);
        assertThat(listed(webhook).path("delivered").asLong()).isZero();
        assertThat(intranetPosts.get()).as("never called").isZero();
        assertThat(jdbc.queryForObject("select last_error from alert_webhook_delivery where webhook_id = ?", String.class, webhook))
                .contains("localhost resolves to 127.0.0.1");
        deleteWebhook(webhook);
    }

    private JsonNode listed(long webhook) throws Exception {
        for (JsonNode listed : json.readTree(asStaff("GET", "/api/alerts/webhooks", null).body()).path("webhooks")) {
            if (listed.path("id").asLong() == webhook) {
                return listed;
            }
        }
        throw new AssertionError("webhook " + webhook + " is not listed");
    }

    private void deleteWebhook(long id) {
        try {
            assertThat(asStaff("DELETE", "/api/alerts/webhooks/" + id, null).statusCode()).isEqualTo(204);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a receiver does: HMAC-SHA256 of "t.body" with the shared secret, compared in constant time. */
    private static boolean verifies(String header, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((part(header, "t") + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(part(header, "v1")));
        } catch (Exception e) {
            return false;
        }
    }

    private static String part(String header, String name) {
        for (String part : header.split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    private HttpResponse<String> asStaff(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .header(SensorsTestApplication.STAFF_HEADER, "suzuki")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long gauge() throws Exception {
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things", """
                {"name": "高津川 webhook 水位計",
                 "Locations": [{"name": "地点", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [131.84, 34.67]}}],
                 "Datastreams": [{"name": "水位", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                                  "properties": {"thresholds": {"scheme": "river-level", "levels": [2.5, 3.2, 3.9, 4.4], "clearMargin": 0.05}},
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-3"},
                                  "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}]}"""
                .formatted(MEASUREMENT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long thing = json.readTree(created.body()).path("@iot.id").asLong();
        return get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    private static NewObservation reading(long datastream, Instant time, double value) {
        return NewObservation.of(datastream, time, JsonNodeFactory.instance.numberNode(value));
    }
}
