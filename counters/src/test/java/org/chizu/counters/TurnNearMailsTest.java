package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident who leaves an e-mail address with a ticket taken from a phone gets one e-mail when the
 * turn is three away, Japanese then English, with the ticket's follow link; exactly one, even while
 * three desks call tickets as fast as they can. Mails go through the platform's outbox to a real
 * SMTP server (GreenMail).
 */
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TurnNearMailsTest extends CountersTown {

    /** Started before the application, whose mail sender connects to it. */
    static final GreenMail MAIL = startedSmtpServer();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("chizu.mail.poll-interval", () -> "PT0.2S");
        registry.add("chizu.public-url", () -> "http://chizu.example.jp");
    }

    @AfterEach
    void forgetTheMails() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void eachResidentIsMailedOnceWhenThreeAwayEvenWithDesksCallingAtOnce() throws Exception {
        int residents = 12;
        for (int i = 1; i <= residents; i++) {
            HttpResponse<String> taken = take("{\"service\":\"juminhyo\",\"channel\":\"remote\",\"email\":\"resident" + i + "@example.jp\"}");
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
            take("{\"service\":\"juminhyo\",\"channel\":\"kiosk\"}");
        }
        // Residents 1 and 2 were within three (0 and 2 ahead) when they took theirs: told at once.
        MAIL.waitForIncomingEmail(20_000, 2);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> desks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (String desk : List.of("1", "2", "3")) {
                desks.add(pool.submit(() -> {
                    start.await();
                    int called = 0;
                    while (tickets.callNext("east", desk, List.of()).isPresent()) {
                        called++;
                    }
                    return called;
                }));
            }
            start.countDown();
        }
        int called = 0;
        for (Future<Integer> desk : desks) {
            called += desk.get();
        }
        assertThat(called).isEqualTo(2 * residents);

        MAIL.waitForIncomingEmail(30_000, residents);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_outbox where about like 'counter ticket %' and next_attempt_at is not null", Integer.class) == 0);
        List<String> recipients = Arrays.stream(MAIL.getReceivedMessages())
                .map(message -> GreenMailUtil.getAddressList(recipientsOf(message))).toList();
        assertThat(recipients).hasSize(residents);
        for (int i = 1; i <= residents; i++) {
            assertThat(recipients).as("mails to resident %d", i).containsOnlyOnce("resident" + i + "@example.jp");
        }
        assertThat(jdbc.queryForObject("select count(*) from counter_ticket where email is not null", Integer.class))
                .as("addresses are forgotten once the tickets are called").isZero();
    }

    @Test
    void theMailSaysHowNearInJapaneseThenEnglishWithTheFollowLink() throws Exception {
        for (int i = 0; i < 4; i++) {
            take("{\"service\":\"juminhyo\"}");
        }
        JsonNode taken = json.readTree(take("{\"service\":\"juminhyo\",\"channel\":\"remote\",\"email\":\"hanako@example.jp\"}").body());
        String token = taken.path("status").path("ticket").path("token").asText();
        assertThat(taken.path("status").path("mail").path("to").asText()).as("masked for the follow page").isEqualTo("h***@example.jp");
        assertThat(taken.path("status").path("mail").path("sentAt").isNull()).as("not yet near").isTrue();
        Thread.sleep(1000);
        assertThat(MAIL.getReceivedMessages()).as("four wait before her").isEmpty();

        tickets.callNext("east", "1", List.of());
        MAIL.waitForIncomingEmail(20_000, 1);
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("【整理券 A5】まもなく順番です / Your turn is near: ticket A5");
        String body = new String(mail.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("東支所（住民票の写し）の整理券 A5：あと3人であなたの番です。", "Your turn is 3 away.",
                "http://chizu.example.jp/counters/tickets/" + token);
        assertThat(body.indexOf("あと3人")).isLessThan(body.indexOf("Your turn is 3 away"));
    }

    @Test
    void theFollowPageIsToldWhereAndWhenTheMailWentAndNeverTheAddress() throws Exception {
        JsonNode kiosk = json.readTree(take("{\"service\":\"juminhyo\"}").body());
        assertThat(kiosk.path("status").path("mail").isNull()).as("no address, no mail line").isTrue();
        String token = json.readTree(take("{\"service\":\"juminhyo\",\"channel\":\"remote\",\"email\":\"taro.yamada@example.jp\"}")
                .body()).path("status").path("ticket").path("token").asText();

        tickets.callNext("east", "1", List.of());
        tickets.callNext("east", "1", List.of());
        HttpResponse<String> followed = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/counters/tickets/" + token))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        JsonNode mail = json.readTree(followed.body()).path("mail");
        assertThat(json.readTree(followed.body()).path("ticket").path("state").asText()).as("called").isEqualTo("called");
        assertThat(mail.path("to").asText()).as("still told after the address is forgotten").isEqualTo("t***@example.jp");
        assertThat(mail.path("sentAt").asText()).as("queued when she was next").isNotEmpty();
        assertThat(followed.body()).doesNotContain("taro.yamada");
    }

    @Test
    void anAddressMustBeOneAndComeWithARemoteTicket() throws Exception {
        HttpResponse<String> notAnAddress = take("{\"service\":\"juminhyo\",\"channel\":\"remote\",\"email\":\"hanako at example\"}");
        assertThat(notAnAddress.statusCode()).isEqualTo(400);
        assertThat(notAnAddress.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(notAnAddress.body()).path("field").asText()).isEqualTo("email");
        HttpResponse<String> atTheKiosk = take("{\"service\":\"juminhyo\",\"channel\":\"kiosk\",\"email\":\"hanako@example.jp\"}");
        assertThat(atTheKiosk.statusCode()).isEqualTo(400);
        assertThat(json.readTree(atTheKiosk.body()).path("message").path("en").asText()).contains("channel remote");
        assertThat(jdbc.queryForObject("select count(*) from counter_ticket", Integer.class)).as("nothing taken").isZero();
    }

    @AfterAll
    void stopTheMailServer() {
        MAIL.stop();
    }

    private static GreenMail startedSmtpServer() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }

    private static jakarta.mail.Address[] recipientsOf(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> take(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/counters/offices/east/tickets"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
