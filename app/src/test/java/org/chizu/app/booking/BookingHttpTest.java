package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;

import org.chizu.accounts.testing.SignInBrowser;
import org.chizu.app.ChizuApplication;
import org.chizu.platform.calendar.Holiday;
import org.chizu.platform.calendar.JapaneseHolidays;
import org.chizu.platform.testing.TestDatabase;
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
 * Booking through the whole application on the sample town: its units are found on the map's
 * facilities, residents hold, confirm and cancel, and every refusal is problem+json.
 */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "chizu.sample-town.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingHttpTest {

    private static final String PASSWORD = "kaki-no-ki-2026";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    final ObjectMapper json = new ObjectMapper();
    long hall;

    @BeforeAll
    void twoVerifiedResidents() {
        for (String email : new String[] {"hanako@example.jp", "taro@example.jp"}) {
            jdbc.update("""
                    insert into account (kind, display_name, password_hash, email, email_verified_at)
                    values ('resident', ?, ?, ?, now())""", email, passwords.encode(PASSWORD), email);
        }
        hall = jdbc.queryForObject("select id from booking_unit where name_ja = '大会議室'", Long.class);
    }

    @Test
    void theSampleTownsUnitsAreFoundWithTheirFacilitiesByKindCapacityAndDay() throws Exception {
        JsonNode units = json.readTree(new SignInBrowser(port).get("/api/booking/units").body()).path("units");
        JsonNode pitches = json.readTree(new SignInBrowser(port).get("/api/booking/units?kind=pitch&capacity=80").body()).path("units");

        assertThat(units).hasSize(7);
        assertThat(units).anySatisfy(unit -> {
            assertThat(unit.path("facility").path("name").asText()).isEqualTo("市民体育館");
            assertThat(unit.path("name").path("en").asText()).isEqualTo("Arena");
            assertThat(unit.path("facility").path("lon").asDouble()).isBetween(131.8, 131.9);
            assertThat(unit.path("hours").path("MONDAY").isMissingNode()).as("closed on Mondays").isTrue();
        });
        assertThat(pitches).singleElement().satisfies(unit -> assertThat(unit.path("name").path("ja").asText()).startsWith("グラウンド"));
    }

    @Test
    void aResidentHoldsAndConfirmsASlotThatAnotherIsThenToldIsTaken() throws Exception {
        LocalDate day = nextOpenWeekday(LocalDate.now(JAPAN).plusDays(3));
        String slot = holdBody(day, "10:00", "11:00");
        SignInBrowser hanako = signedIn("hanako@example.jp");
        SignInBrowser taro = signedIn("taro@example.jp");

        HttpResponse<String> held = hanako.sendJson("POST", "/api/booking/holds", slot);
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
        long id = json.readTree(held.body()).path("id").asLong();
        assertThat(held.headers().firstValue("Location")).hasValue("/api/booking/bookings/" + id);

        JsonNode taken = problem(taro.sendJson("POST", "/api/booking/holds", slot), 409, "taken");
        assertThat(taken.path("message").path("ja").asText()).contains("すでに予約");

        HttpResponse<String> confirmed = hanako.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", "");
        assertThat(json.readTree(confirmed.body()).path("state").asText()).isEqualTo("confirmed");
        problem(taro.sendJson("POST", "/api/booking/bookings/" + id + "/confirm", ""), 404, "unknown-booking");
        assertThat(json.readTree(hanako.get("/api/booking/mine").body()).path("bookings")).hasSize(1);
        assertThat(json.readTree(taro.get("/api/booking/mine").body()).path("bookings")).isEmpty();

        HttpResponse<String> feed = new SignInBrowser(port).get("/api/booking/units/" + hall + ".ics");
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        assertThat(feed.body()).contains("UID:booking-" + id + "@chizu", "STATUS:CONFIRMED").doesNotContain("hanako");

        JsonNode month = json.readTree(new SignInBrowser(port)
                .get("/api/booking/units/" + hall + "/availability?month=" + YearMonth.from(day)).body());
        JsonNode slots = month.path("days").get(day.getDayOfMonth() - 1).path("slots");
        assertThat(slots.get(1).path("start").asText()).isEqualTo(day + "T10:00:00+09:00");
        assertThat(slots.get(1).path("state").asText()).isEqualTo("taken");

        HttpResponse<String> cancelled = hanako.sendJson("DELETE", "/api/booking/bookings/" + id, "");
        assertThat(json.readTree(cancelled.body()).path("state").asText()).isEqualTo("cancelled");
        assertThat(taro.sendJson("POST", "/api/booking/holds", slot).statusCode()).isEqualTo(201);
    }

    @Test
    void refusalsAreProblemsThatSayWhy() throws Exception {
        SignInBrowser hanako = signedIn("hanako@example.jp");
        LocalDate day = nextOpenWeekday(LocalDate.now(JAPAN).plusDays(3));
        Holiday holiday = JapaneseHolidays.official().between(LocalDate.now(JAPAN).plusDays(1), LocalDate.now(JAPAN).plusDays(170))
                .stream().filter(h -> h.date().getDayOfWeek() != DayOfWeek.SUNDAY).findFirst().orElseThrow();

        problem(new SignInBrowser(port).sendJson("POST", "/api/booking/holds", holdBody(day, "10:00", "11:00")), 401, "unauthenticated");
        JsonNode closed = problem(hanako.sendJson("POST", "/api/booking/holds", holdBody(holiday.date(), "10:00", "11:00")),
                422, "closed-day");
        assertThat(closed.path("holiday").path("ja").asText()).isEqualTo(holiday.name().ja());
        problem(hanako.sendJson("POST", "/api/booking/holds", holdBody(day, "07:00", "08:00")), 422, "outside-opening-hours");
        problem(hanako.sendJson("POST", "/api/booking/holds", holdBody(day, "10:00", "14:00")), 422, "too-long");
        problem(hanako.sendJson("POST", "/api/booking/holds", holdBody(LocalDate.now(JAPAN).minusDays(2), "10:00", "11:00")),
                422, "in-the-past");
        problem(hanako.sendJson("POST", "/api/booking/holds", "{\"unit\": " + hall + "}"), 400, "missing-field");
        problem(new SignInBrowser(port).get("/api/booking/units/999999/availability?month=2027-01"), 404, "unknown-unit");

        JsonNode month = json.readTree(new SignInBrowser(port)
                .get("/api/booking/units/" + hall + "/availability?month=" + YearMonth.from(holiday.date())).body());
        JsonNode closedDay = month.path("days").get(holiday.date().getDayOfMonth() - 1);
        assertThat(closedDay.path("open").asBoolean()).isFalse();
        assertThat(closedDay.path("closed").path("holiday").path("en").asText()).isEqualTo(holiday.name().en());
    }

    private String holdBody(LocalDate day, String from, String to) {
        return "{\"unit\": %d, \"start\": \"%sT%s:00+09:00\", \"end\": \"%sT%s:00+09:00\"}".formatted(hall, day, from, day, to);
    }

    /** 大会議室 opens Monday to Friday 09–21 (Saturday to 17) and closes on holidays. */
    private static LocalDate nextOpenWeekday(LocalDate from) {
        LocalDate day = from;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || JapaneseHolidays.official().isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private SignInBrowser signedIn(String email) throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        browser.signIn(email, PASSWORD);
        return browser;
    }

    private JsonNode problem(HttpResponse<String> response, int status, String type) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:chizu:problem:" + type);
        return problem;
    }
}
