package org.chizu.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.chizu.platform.testing.TestMailServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Residents subscribe by e-mail to a river gauge or to a flood zone it watches, confirm by the button
 * of the page the mailed link opens, and get one e-mail each time the gauge's alert is raised,
 * updated and cleared, every one with its unsubscribe link; an unconfirmed address gets nothing, an
 * unsubscribed one nothing more. Opening a link, as a mail client or link scanner does before anyone
 * reads it, changes nothing: only the page's button does. Mails
 * go through the platform's outbox to a real SMTP server (GreenMail).
 */
// Closed after the class, so that its mail sender stops with the class's SMTP server.
@DirtiesContext
class AlertSubscriptionsTest extends RunningSensors {

    @RegisterExtension
    static final TestMailServer MAIL = TestMailServer.started();

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern HIDDEN_FIELD = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern LINK = Pattern.compile("http://\\S+/alerts/subscriptions/(confirm|unsubscribe)\\?token=[\\w-]+");

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        MAIL.register(registry);
        registry.add("chizu.public-url", () -> "http://chizu.example.jp");
    }

    @Autowired
    Observations observations;
    @Autowired
    JdbcTemplate jdbc;

    long floodZone;
    long gauge;
    Instant nine = Instant.parse("2026-12-08T00:00:00Z");

    @BeforeAll
    void gaugeWatchingAFloodZone() throws Exception {
        floodZone = jdbc.queryForObject("""
                insert into hazard_zones (kind, name, geom)
                values ('flood', '飯梨川 洪水浸水想定区域', st_multi(st_geomfromtext('POLYGON((133.20 35.39, 133.22 35.39, 133.22 35.41, 133.20 35.41, 133.20 35.39))', 6668)))
                returning id""", Long.class);
        HttpResponse<String> created = send("POST", "/sta/v1.1/Things", """
                {"name": "飯梨川 安来水位観測所", "properties": {"hazardZones": [%d]},
                 "Locations": [{"name": "安来", "encodingType": "application/geo+json", "location": {"type": "Point", "coordinates": [133.207, 35.4]}}],
                 "Datastreams": [{"name": "水位", "observationType": "%s", "unitOfMeasurement": {"name": "metre", "symbol": "m"},
                                  "properties": {"thresholds": {"scheme": "river-level", "levels": [1.7, 2.4, 2.9, 3.3], "clearMargin": 0.05}},
                                  "Sensor": {"name": "gauge", "encodingType": "text/plain", "metadata": "G-2"},
                                  "ObservedProperty": {"name": "水位", "definition": "http://vocabs.example.jp/water-level"}}]}"""
                .formatted(floodZone, MEASUREMENT));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long thing = json.readTree(created.body()).path("@iot.id").asLong();
        gauge = get("/sta/v1.1/Things(" + thing + ")/Datastreams").path("value").get(0).path("@iot.id").asLong();
    }

    @Test
    void confirmedSubscribersOfTheGaugeAndOfItsZoneAreMailedEachStepUntilTheyUnsubscribe() throws Exception {
        assertThat(subscribe("""
                {"email": "hanako@example.jp", "datastreamId": %d}""".formatted(gauge)).statusCode()).isEqualTo(202);
        assertThat(subscribe("""
                {"email": "taro@example.jp", "zoneId": %d}""".formatted(floodZone)).statusCode()).isEqualTo(202);
        assertThat(subscribe("""
                {"email": "jiro@example.jp", "datastreamId": %d}""".formatted(gauge)).statusCode()).isEqualTo(202);
        MAIL.awaitCount(3);
        MimeMessage hanakosConfirmation = MAIL.to("hanako@example.jp").getFirst();
        assertThat(hanakosConfirmation.getSubject()).contains("配信登録の確認", "confirm");
        assertThat(TestMailServer.textOf(hanakosConfirmation)).contains("飯梨川 安来水位観測所");
        assertThat(MAIL.to("taro@example.jp").getFirst().getSubject()).contains("配信登録の確認");

        HttpResponse<String> asked = send("GET", path(link(MAIL.to("hanako@example.jp").getFirst(), "confirm")), null);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("配信登録の確認", "飯梨川 安来水位観測所", "登録を完了する");
        HttpResponse<String> confirmed = pressTheButtonOf(link(MAIL.to("hanako@example.jp").getFirst(), "confirm"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("配信登録が完了しました");
        assertThat(pressTheButtonOf(link(MAIL.to("taro@example.jp").getFirst(), "confirm")).statusCode()).isEqualTo(200);
        assertThat(send("GET", path(link(MAIL.to("jiro@example.jp").getFirst(), "confirm")), null).statusCode())
                .as("a link scanner opens jiro's link but presses nothing").isEqualTo(200);
        assertThat(subscribe("""
                {"email": "Hanako@example.jp", "datastreamId": %d}""".formatted(gauge)).statusCode())
                .as("asking again answers alike, and mails nothing").isEqualTo(202);

        observations.append(readings(1.0, 1.8, 3.0, 1.0));
        MAIL.awaitCount(3 + 6);

        assertThat(subjects("hanako@example.jp")).hasSize(4).element(1).asString().contains("飯梨川 安来水位観測所", "水防団待機水位", "発表", "raised");
        assertThat(subjects("hanako@example.jp").get(2)).contains("避難判断水位", "更新", "updated");
        assertThat(subjects("hanako@example.jp").get(3)).contains("解除", "cleared");
        assertThat(subjects("taro@example.jp")).hasSize(4);
        assertThat(subjects("jiro@example.jp")).as("opened, never confirmed").hasSize(1);
        MimeMessage raised = MAIL.to("hanako@example.jp").get(1);
        assertThat(TestMailServer.textOf(raised)).contains("1.8 m", "http://chizu.example.jp/alerts", "Unsubscribe");
        String unsubscribe = link(raised, "unsubscribe");
        assertThat(unsubscribe).startsWith("http://chizu.example.jp/alerts/subscriptions/unsubscribe?token=");

        HttpResponse<String> askedToLeave = send("GET", path(unsubscribe), null);
        assertThat(askedToLeave.statusCode()).isEqualTo(200);
        assertThat(askedToLeave.body()).contains("配信停止の確認", "配信を停止する");
        assertThat(send("GET", path(link(MAIL.to("taro@example.jp").get(1), "unsubscribe")), null).statusCode())
                .as("a link scanner opens taro's unsubscribe link but presses nothing").isEqualTo(200);
        HttpResponse<String> left = pressTheButtonOf(unsubscribe);
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("配信を停止しました");
        assertThat(send("GET", path(unsubscribe), null).statusCode()).isEqualTo(404);
        assertThat(send("POST", path(unsubscribe), null).statusCode()).isEqualTo(404);
        observations.append(List.of(reading(nine.plus(Duration.ofHours(1)), 2.0)));
        MAIL.awaitCount(3 + 6 + 1);

        assertThat(subjects("taro@example.jp")).as("still subscribed").hasSize(5);
        assertThat(subjects("hanako@example.jp")).as("unsubscribed").hasSize(4);

        MimeMessage taros = MAIL.to("taro@example.jp").get(4);
        assertThat(taros.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = taros.getHeader("List-Unsubscribe", null);
        assertThat(header).isEqualTo("<" + link(taros, "unsubscribe") + ">");
        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path(header.substring(1, header.length() - 1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).as("a mail program's one-click POST, no cookie, no page").isEqualTo(200);
        observations.append(List.of(reading(nine.plus(Duration.ofHours(2)), 3.0), reading(nine.plus(Duration.ofHours(3)), 1.0)));
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient = 'taro@example.jp'", Integer.class))
                .as("nothing more queued for taro").isEqualTo(5);
    }

    @Test
    void aSubscriptionNeedsAnAddressAndOneTargetOnTheMap() throws Exception {
        assertRefused(subscribe("""
                {"email": "not an address", "datastreamId": %d}""".formatted(gauge)), "/email");
        assertRefused(subscribe("""
                {"email": "hanako@example.jp", "datastreamId": %d, "zoneId": %d}""".formatted(gauge, floodZone)), "/zoneId");
        assertRefused(subscribe("""
                {"email": "hanako@example.jp", "datastreamId": 999999}"""), "/datastreamId");
        assertThat(send("GET", "/alerts/subscriptions/confirm?token=nothing", null).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> subscribe(String body) throws Exception {
        return send("POST", "/api/alerts/subscriptions", body);
    }

    /** Opens a link as a browser would and presses the button of its page: a form POST of its hidden fields. */
    private HttpResponse<String> pressTheButtonOf(String link) throws Exception {
        String page = text(path(link));
        Matcher form = FORM.matcher(page);
        assertThat(form.find()).as(page).isTrue();
        StringJoiner fields = new StringJoiner("&");
        Matcher field = HIDDEN_FIELD.matcher(page);
        while (field.find()) {
            fields.add(encode(field.group(1)) + "=" + encode(field.group(2)));
        }
        HttpRequest press = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString())).build();
        return http.send(press, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertRefused(HttpResponse<String> response, String pointer) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("pointer").asText()).isEqualTo(pointer);
    }

    private List<NewObservation> readings(double... values) {
        List<NewObservation> readings = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            readings.add(reading(nine.plus(Duration.ofMinutes(10L * i)), values[i]));
        }
        return readings;
    }

    private NewObservation reading(Instant time, double value) {
        return NewObservation.of(gauge, time, JsonNodeFactory.instance.numberNode(value));
    }

    private static List<String> subjects(String address) {
        return MAIL.to(address).stream().map(TestMailServer::subjectOf).toList();
    }

    private static String link(MimeMessage mail, String kind) {
        Matcher found = LINK.matcher(TestMailServer.textOf(mail));
        while (found.find()) {
            if (found.group(1).equals(kind)) {
                return found.group();
            }
        }
        throw new AssertionError("no " + kind + " link in " + TestMailServer.textOf(mail));
    }

    /** The path and query of a link, for the server under test. */
    private static String path(String link) {
        return link.replaceFirst("^http://[^/]+", "");
    }
}
