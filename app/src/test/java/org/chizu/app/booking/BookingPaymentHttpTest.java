package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Paying for a booking through the whole application: the fee is quoted before applying and fixed
 * on the hold, the resident pays online at a provider on loopback that notifies Chizu's webhook over
 * HTTP with a signature, and cancelling refunds through the provider by the cancellation rules.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingPaymentHttpTest {

    private static final String PASSWORD = "kaki-no-ki-2026";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalPaymentProvider PROVIDER = new LocalPaymentProvider();

    @DynamicPropertySource
    static void databaseAndProvider(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
        registry.add("chizu.booking.payment.provider-url", () -> PROVIDER.url().toString());
        registry.add("chizu.booking.payment.api-key", () -> LocalPaymentProvider.API_KEY);
        registry.add("chizu.booking.payment.webhook-secret", () -> LocalPaymentProvider.WEBHOOK_SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    StaffAccounts staff;

    final ObjectMapper json = new ObjectMapper();
    long hall;

    @BeforeAll
    void aResidentWhoseRegistrationStaffVerified() throws Exception {
        jdbc.update("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', '益田 花子', ?, 'hanako.pay@example.jp', now())""", passwords.encode(PASSWORD));
        hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
        PROVIDER.notify(URI.create("http://127.0.0.1:" + port + "/api/booking/payments/webhook"));
    }

    @AfterAll
    void stopTheProvider() {
        PROVIDER.close();
    }

    /** Each test reads the provider's refunds and answers as its own. */
    @AfterEach
    void forgetWhatTheProviderSaw() {
        PROVIDER.refunds().clear();
        PROVIDER.webhookAnswers().clear();
    }

    @Test
    void anExtraOwedAfterUseIsPaidOnceAndACheckoutPaidAfterTheCounterIsHandedBack() throws Exception {
        SignInBrowser jiro = resident("jiro.pay@example.jp", "益田 次郎");
        long id = bookedAnHour(jiro, openWeekday(LocalDate.now(JAPAN).plusDays(50))).path("id").asLong();
        jdbc.update("update booking set period = tstzrange('2020-01-07T10:00:00+09:00', '2020-01-07T11:00:00+09:00') where id = ?", id);
        JsonNode used = json.readTree(jiro.sendJson("POST", "/api/booking/bookings/" + id + "/after-use",
                "{\"headcount\": 12, \"extras\": [\"heating\"]}").body());
        assertThat(used.path("extraYen").asInt()).as("an hour of heating").isEqualTo(300);

        JsonNode checkout = json.readTree(jiro.sendJson("POST", "/api/booking/bookings/" + id + "/after-use/checkout", "").body());
        assertThat(PROVIDER.checkouts().get(checkout.path("id").asText()).amount()).isEqualTo(300);
        assertThat(asStaff("suzuki", "POST", "/staff/api/booking/bookings/" + id + "/after-use/counter-payment").statusCode()).isEqualTo(200);
        HttpResponse<String> paidAgain = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(checkout.path("payAt").asText())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(paidAgain.body()).as("the resident paid at the provider too").contains("お支払いが完了しました");
        assertThat(PROVIDER.webhookAnswers()).containsExactly(204);
        assertThat(PROVIDER.refunds()).as("the second payment handed back").containsExactly(300);
        JsonNode after = json.readTree(jiro.get("/api/booking/bookings/" + id + "/after-use").body());
        assertThat(after.path("extraMethod").asText()).isEqualTo("counter");
        assertThat(after.path("extraPaidAt").asText()).isNotBlank();
        HttpResponse<String> again = jiro.sendJson("POST", "/api/booking/bookings/" + id + "/after-use/checkout", "");
        assertThat(again.statusCode()).as("nothing left to pay online").isEqualTo(409);
        assertThat(json.readTree(again.body()).path("type").asText()).isEqualTo("urn:chizu:problem:payment-state");
    }

    @Test
    void aResidentSeesTheFeePaysOnlineAndIsRefundedByTheRulesWhenCancelling() throws Exception {
        SignInBrowser hanako = new SignInBrowser(port);
        hanako.signIn("hanako.pay@example.jp", PASSWORD);
        JsonNode registered = json.readTree(hanako.sendJson("PUT", "/api/booking/registration", "{\"residency\": \"resident\"}").body());
        assertThat(registered.path("residency").asText()).isEqualTo("resident");
        assertThat(registered.path("verified").asBoolean()).as("until staff verify it").isFalse();
        jdbc.update("update booking_user set verified_at = now() where account_id = ?", registered.path("accountId").asLong());

        // Far enough ahead that cancelling costs nothing: 40 days.
        LocalDate day = openWeekday(LocalDate.now(JAPAN).plusDays(40));
        String period = "start=%sT17:00:00%%2B09:00&end=%sT19:00:00%%2B09:00".formatted(day, day);
        JsonNode quote = json.readTree(hanako.get("/api/booking/units/" + hall + "/quote?" + period + "&extras=heating").body());
        assertThat(quote.path("feeClass").asText()).isEqualTo("resident");
        assertThat(quote.path("totalYen").asInt()).isEqualTo(2 * 1000 + 2 * 300);
        JsonNode visitorQuote = json.readTree(new SignInBrowser(port).get("/api/booking/units/" + hall + "/quote?" + period).body());
        assertThat(visitorQuote.path("feeClass").asText()).isEqualTo("non-resident");
        assertThat(visitorQuote.path("totalYen").asInt()).isEqualTo(2 * 1500);

        String hold = "{\"unit\": %d, \"start\": \"%sT17:00:00+09:00\", \"end\": \"%sT19:00:00+09:00\", \"extras\": [\"heating\"]}"
                .formatted(hall, day, day);
        long id = json.readTree(hanako.sendJson("POST", "/api/booking/holds", hold).body()).path("id").asLong();
        JsonNode booked = json.readTree(hanako.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "").body());
        assertThat(booked.path("feeYen").asInt()).isEqualTo(2600);
        assertThat(booked.path("payment").path("state").asText()).isEqualTo("pending");

        JsonNode checkout = json.readTree(hanako.sendJson("POST", "/api/booking/bookings/" + id + "/payment/checkout", "").body());
        assertThat(PROVIDER.checkouts().get(checkout.path("id").asText()).amount()).isEqualTo(2600);
        HttpResponse<String> paid = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(checkout.path("payAt").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.body()).contains("お支払いが完了しました");
        assertThat(PROVIDER.webhookAnswers()).containsExactly(204);
        JsonNode after = json.readTree(hanako.get("/api/booking/bookings/" + id).body());
        assertThat(after.path("payment").path("state").asText()).isEqualTo("paid");
        assertThat(after.path("payment").path("method").asText()).isEqualTo("online");

        JsonNode cancelled = json.readTree(hanako.sendJson("DELETE", "/api/booking/bookings/" + id, "").body());
        assertThat(cancelled.path("payment").path("state").asText()).isEqualTo("refunded");
        assertThat(PROVIDER.refunds()).containsExactly(2600);
    }

    @Test
    void aFeePaidAtTheCounterWhileACheckoutWasOpenIsHandedBackWhenTheCheckoutIsPaidToo() throws Exception {
        SignInBrowser saburo = resident("saburo.pay@example.jp", "益田 三郎");
        JsonNode booked = bookedAnHour(saburo, openWeekday(LocalDate.now(JAPAN).plusDays(60)));
        long id = booked.path("id").asLong();
        int fee = booked.path("feeYen").asInt();
        JsonNode checkout = json.readTree(saburo.sendJson("POST", "/api/booking/bookings/" + id + "/payment/checkout", "").body());

        assertThat(asStaff("yamada", "PUT", "/api/booking/bookings/" + id + "/payment").statusCode()).isEqualTo(200);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(checkout.path("payAt").asText())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(PROVIDER.webhookAnswers()).containsExactly(204);
        assertThat(PROVIDER.refunds()).as("the online payment handed back").containsExactly(fee);
        JsonNode payment = json.readTree(saburo.get("/api/booking/bookings/" + id).body()).path("payment");
        assertThat(payment.path("state").asText()).isEqualTo("paid");
        assertThat(payment.path("method").asText()).isEqualTo("counter");
        assertThat(payment.path("refundedYen").asInt()).as("nothing of the counter payment refunded").isZero();
    }

    @Test
    void anUnsignedNotificationIsRefusedAsAProblem() throws Exception {
        HttpResponse<String> refused = new SignInBrowser(port).sendJson("POST", "/api/booking/payments/webhook",
                "{\"id\":\"evt_forged\",\"type\":\"checkout.paid\",\"checkout\":\"chk_1\",\"amount\":1}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).path("type").asText()).isEqualTo("urn:chizu:problem:bad-signature");
    }

    /** A resident signed in with a verified address (registered as nothing, so at non-residents' rates). */
    private SignInBrowser resident(String email, String name) throws Exception {
        jdbc.update("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', ?, ?, ?, now())""", name, passwords.encode(PASSWORD), email);
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn(email, PASSWORD);
        return browser;
    }

    /** The 大会議室 from 10 to 11 on the day, held and confirmed: the booking as confirming answers it. */
    private JsonNode bookedAnHour(SignInBrowser who, LocalDate day) throws Exception {
        long id = json.readTree(who.sendJson("POST", "/api/booking/holds", "{\"unit\": %d, \"start\": \"%sT10:00:00+09:00\", \"end\": \"%sT11:00:00+09:00\"}"
                .formatted(hall, day, day)).body()).path("id").asLong();
        return json.readTree(who.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "").body());
    }

    /** A request by a new member of staff, with their API token. */
    private HttpResponse<String> asStaff(String name, String method, String path) throws Exception {
        String token = staff.create(name, name, Role.STAFF).token().token();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** 大会議室 opens Monday to Friday 09–21 and closes on holidays. */
    private static LocalDate openWeekday(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
