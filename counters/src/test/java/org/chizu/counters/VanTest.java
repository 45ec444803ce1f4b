package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.Role;
import org.chizu.accounts.StaffAccounts;
import org.chizu.booking.Booking;
import org.chizu.booking.BookingProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Geo;

/**
 * The counter van: staff declare a round over counters-town's roads, its device posts where it is,
 * residents reserve its slots through booking. Two hamlet halls: 北の集会所 beside the north branch
 * (1.3 km north of S by road) and 南の集会所 beside the south office (0.46 km east, then 1.1 km south).
 */
class VanTest extends CountersTown {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    StaffAccounts staffAccounts;
    @Autowired
    ApiClients clients;
    @Autowired
    VanRoutes routes;
    @Autowired
    VanReservations reservations;
    @Autowired
    VanPositions positions;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    static String staffToken;
    static String deviceToken;

    @BeforeEach
    void theHamlets() throws Exception {
        loadTheTown();
        if (staffToken == null || staffAccounts.find("unten").isEmpty()) {
            staffToken = staffAccounts.create("unten", "運転 一郎", Role.STAFF).token().token();
            deviceToken = clients.issue("van-tablet", Set.of("counters:van-position")).token();
            jdbc.update("""
                    insert into facilities (id, kind, name, address, geom) overriding system value values
                        (10, 'hall', '北の集会所', '島根県益田市北町2', st_setsrid(st_makepoint(131.8001, 34.7119), 6668)),
                        (11, 'hall', '南の集会所', '島根県益田市南町2', st_setsrid(st_makepoint(131.8051, 34.6901), 6668))""");
        }
    }

    /** A round every day, holidays too (so that the tests run on any day): north hall in the morning, south after noon. */
    void declareRound(String code, String... services) throws Exception {
        String list = "[\"" + String.join("\",\"", services) + "\"]";
        assertThat(send("PUT", "/api/counters/van/routes/" + code, staffToken, """
                {"name": {"ja": "山ルート", "en": "Hill round"}, "weekdays": ["mon","tue","wed","thu","fri","sat","sun"],
                 "closedOnHolidays": false}""").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/counters/van/routes/" + code + "/stops", staffToken, """
                {"facility": 10, "arrives": "00:00", "departs": "12:00", "slotMinutes": 15, "services": %s}""".formatted(list))
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/counters/van/routes/" + code + "/stops", staffToken, """
                {"facility": 11, "arrives": "12:00", "departs": "23:45", "slotMinutes": 15, "services": %s}""".formatted(list))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void staffDeclareARoundWhoseStopsAreBookedThroughBookingAndEveryEditIsAudited() throws Exception {
        declareRound("hill", "juminhyo", "soudan");

        VanRoute round = routes.find("hill");
        assertThat(round.stops()).extracting(stop -> stop.place().name()).containsExactly("北の集会所", "南の集会所");
        assertThat(round.stops()).allSatisfy(stop -> assertThat(stop.bookingUnitId()).isNotNull());
        assertThat(jdbc.queryForList("select action from audit_log where target = 'van route hill' or details ->> 'route' = 'hill' order by id", String.class))
                .containsExactly("counters.van-route.save", "counters.van-stop.add", "counters.van-stop.add");

        // Moving the south stop first would have the van there before it left the north hall: refused whole.
        long south = round.stops().get(1).id();
        HttpResponse<String> clash = send("PUT", "/api/counters/van/stops/" + south, staffToken, """
                {"facility": 11, "position": 1, "arrives": "06:00", "departs": "07:00", "services": ["soudan"]}""");
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(422);
        assertThat(clash.body()).contains("\"field\":\"arrives\"");
        assertThat(routes.find("hill").stops()).extracting(stop -> stop.place().name())
                .as("a refused edit changes nothing").containsExactly("北の集会所", "南の集会所");

        // A shorter afternoon at the south hall: booking's unit follows, so only those slots can be reserved.
        HttpResponse<String> shorter = send("PUT", "/api/counters/van/stops/" + south, staffToken, """
                {"facility": 11, "arrives": "13:00", "departs": "14:00", "slotMinutes": 30, "services": ["soudan"]}""");
        assertThat(shorter.statusCode()).as(shorter.body()).isEqualTo(200);
        assertThat(reservations.slots(south, LocalDate.now(TOKYO).plusDays(1)))
                .extracting(slot -> slot.start().toLocalTime().toString()).containsExactly("13:00", "13:30");

        HttpResponse<String> removed = send("DELETE", "/api/counters/van/stops/" + round.stops().getFirst().id(), staffToken, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(routes.find("hill").stops()).extracting(VanStop::position, stop -> stop.place().name())
                .containsExactly(tuple(1, "南の集会所"));
        assertThat(jdbc.queryForList("select action from audit_log where target = 'van route hill' or details ->> 'route' = 'hill' order by id", String.class))
                .endsWith("counters.van-stop.update", "counters.van-stop.remove");
    }

    @Test
    void badRoundsAreRefusedNamingTheFieldAndOnlyStaffMayEditThem() throws Exception {
        HttpResponse<String> anonymous = send("PUT", "/api/counters/van/routes/nope", null, """
                {"name": {"ja": "x"}, "weekdays": ["mon"]}""");
        HttpResponse<String> device = send("PUT", "/api/counters/van/routes/nope", deviceToken, """
                {"name": {"ja": "x"}, "weekdays": ["mon"]}""");
        HttpResponse<String> badDay = send("PUT", "/api/counters/van/routes/nope", staffToken, """
                {"name": {"ja": "x"}, "weekdays": ["funday"]}""");
        declareRound("edits", "juminhyo");
        HttpResponse<String> backwards = send("POST", "/api/counters/van/routes/edits/stops", staffToken, """
                {"facility": 1, "arrives": "23:50", "departs": "23:00", "services": ["juminhyo"]}""");
        HttpResponse<String> unknownService = send("POST", "/api/counters/van/routes/edits/stops", staffToken, """
                {"facility": 1, "arrives": "23:30", "departs": "23:45", "slotMinutes": 15, "services": ["pasupooto"]}""");
        HttpResponse<String> nowhere = send("POST", "/api/counters/van/routes/edits/stops", staffToken, """
                {"facility": 999, "arrives": "23:45", "departs": "23:59", "services": ["juminhyo"]}""");

        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(device.statusCode()).as("the device's token only posts positions").isEqualTo(403);
        assertThat(badDay.statusCode()).isEqualTo(422);
        assertThat(badDay.body()).contains("\"field\":\"weekdays\"", "funday");
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.body()).contains("\"field\":\"departs\"");
        assertThat(unknownService.statusCode()).isEqualTo(404);
        assertThat(nowhere.statusCode()).isEqualTo(422);
        assertThat(nowhere.body()).contains("\"field\":\"facility\"");
        assertThat(routes.find("edits").stops()).as("nothing half-written").hasSize(2);
    }

    @Test
    void theDevicePostsWhereTheVanIsAndTheNextStopIsTimedOverTheRoads() throws Exception {
        declareRound("live", "juminhyo");

        HttpResponse<String> atStart = send("POST", "/api/counters/van/routes/live/positions", deviceToken,
                "{\"lon\": 131.800, \"lat\": 34.700}");
        assertThat(atStart.statusCode()).as(atStart.body()).isEqualTo(200);
        assertThat(atStart.body()).contains("北の集会所", "\"atStop\":false", "\"arrivingInMinutes\":3");
        VanLive fromS = routeLive("live");
        assertThat(fromS.travelSeconds()).as("1.3 km at 30 km/h").isBetween(150L, 165L);

        send("POST", "/api/counters/van/routes/live/positions", deviceToken, "{\"lon\": 131.8000, \"lat\": 34.7117}");
        VanLive atNorth = routeLive("live");
        assertThat(atNorth.atStop()).isTrue();
        assertThat(atNorth.nextStop().place().name()).isEqualTo("北の集会所");

        // Back at S with the north hall done: next is the south hall, round by the road that crosses mid-section.
        send("POST", "/api/counters/van/routes/live/positions", staffToken, "{\"lon\": 131.800, \"lat\": 34.700}");
        VanLive toSouth = routeLive("live");
        assertThat(toSouth.nextStop().place().name()).isEqualTo("南の集会所");
        assertThat(toSouth.travelSeconds()).as("0.46 km east, then 1.1 km south; not the 1.1 km crow-fly").isBetween(170L, 205L);

        HttpResponse<String> anonymous = send("POST", "/api/counters/van/routes/live/positions", null, "{\"lon\": 131.8, \"lat\": 34.7}");
        HttpResponse<String> offTheEarth = send("POST", "/api/counters/van/routes/live/positions", deviceToken,
                "{\"lon\": 131.8, \"lat\": 134.7}");
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(offTheEarth.statusCode()).isEqualTo(400);
        assertThat(offTheEarth.body()).contains("\"parameter\":\"lat\"");
    }

    @Test
    void visitsAndPeopleServedPerStopAreInTheKpis() throws Exception {
        declareRound("kpi", "juminhyo");
        send("POST", "/api/counters/van/routes/kpi/positions", deviceToken, "{\"lon\": 131.8001, \"lat\": 34.7118}");
        long north = routes.find("kpi").stops().getFirst().id();
        String today = LocalDate.now(TOKYO).toString();

        HttpResponse<String> served = send("PUT", "/api/counters/van/stops/" + north + "/visits/" + today, staffToken,
                "{\"served\": 4}");
        HttpResponse<String> notVisited = send("PUT", "/api/counters/van/stops/" + routes.find("kpi").stops().get(1).id()
                + "/visits/" + today, staffToken, "{\"served\": 2}");
        HttpResponse<String> json = send("GET", "/staff/api/counters/kpis?from=" + today + "&to=" + today, staffToken, null);
        HttpResponse<String> csv = send("GET", "/staff/api/counters/kpis/van.csv?from=" + today + "&to=" + today, staffToken, null);

        assertThat(served.statusCode()).isEqualTo(204);
        assertThat(notVisited.statusCode()).isEqualTo(422);
        assertThat(json.body()).contains("\"vanVisits\"", "\"route\":\"kpi\"", "\"place\":\"北の集会所\"", "\"served\":4");
        assertThat(csv.body()).contains("route,stop,place,day,arrived_at,served", "kpi," + north + ",\"北の集会所\"," + today + ",");
        assertThat(csv.body().lines().filter(line -> line.startsWith("kpi,"))).singleElement().asString().endsWith(",4");
    }

    @Test
    void theTimetableIsAnICalendarFeedThatIcal4jReads() throws Exception {
        declareRound("feed", "juminhyo", "soudan");

        HttpResponse<String> response = send("GET", "/api/counters/van/routes/feed/calendar.ics", null, null);
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).as("two stops a day for eight weeks").hasSize(2 * 7 * VanCalendarFeed.WEEKS);
        VEvent first = events.getFirst();
        assertThat(first.getSummary().getValue()).contains("北の集会所");
        assertThat(first.getLocation().getValue()).contains("島根県益田市北町2");
        assertThat(first.getDescription().getValue()).contains("住民票の写し", "相談");
        assertThat(first.<Geo>getProperty(Property.GEO)).isPresent();
        assertThat(response.body().lines().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).max()
                .orElseThrow()).as("lines folded by octets").isLessThanOrEqualTo(75);
    }

    @Test
    void theNearestCountersIncludeTheVanStopsOfferingTheServiceTodayByTravelTime() throws Exception {
        declareRound("near", "soudan");

        List<NearestCounter> consultation = nearest.nearest(NearestCountersTest.S_LON, NearestCountersTest.S_LAT, "soudan");

        assertThat(consultation).extracting(counter -> counter.office() != null ? counter.office().code()
                        : counter.vanStop().route() + ":" + counter.vanStop().place().name())
                .as("north hall 1.3 km straight up; south office and hall ~1.5 km round by the crossing road")
                .containsSubsequence("near:北の集会所", "south").contains("near:南の集会所");
        assertThat(consultation).isSortedAccordingTo(Comparator.comparingLong(NearestCounter::travelSeconds));
        HttpResponse<String> json = send("GET", "/api/counters/nearest?lon=131.8&lat=34.7&service=soudan", null, null);
        assertThat(json.body()).contains("\"vanStop\"", "北の集会所", "\"travelSeconds\"");
    }

    @Test
    void manyResidentsReservingOneSlotAtOnceGetItExactlyOnce() throws Exception {
        declareRound("slots", "juminhyo");
        long north = routes.find("slots").stops().getFirst().id();
        OffsetDateTime tenTomorrow = LocalDate.now(TOKYO).plusDays(1).atTime(LocalTime.of(10, 0)).atZone(TOKYO).toOffsetDateTime();
        List<Long> residents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            residents.add(jdbc.queryForObject("""
                    insert into account (kind, display_name, password_hash, email, email_verified_at)
                    values ('resident', ?, 'x', ?, now()) returning id""", Long.class, "住民" + i, "slot" + i + "@example.jp"));
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Booking>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(residents.size())) {
            for (long resident : residents) {
                Callable<Booking> reserve = () -> {
                    start.await();
                    return reservations.reserve(north, tenTomorrow, resident);
                };
                attempts.add(pool.submit(reserve));
            }
            start.countDown();
        }
        int booked = 0;
        List<Integer> refused = new ArrayList<>();
        for (Future<Booking> attempt : attempts) {
            try {
                attempt.get();
                booked++;
            } catch (ExecutionException e) {
                refused.add(((BookingProblem) e.getCause()).status());
            }
        }

        assertThat(booked).isEqualTo(1);
        assertThat(refused).hasSize(residents.size() - 1).containsOnly(409);
        assertThat(reservations.slots(north, tenTomorrow.toLocalDate()))
                .filteredOn(slot -> slot.start().toInstant().equals(tenTomorrow.toInstant()))
                .singleElement().extracting(slot -> slot.state().name()).isEqualTo("TAKEN");
        HttpResponse<String> outsideTheWindow = send("GET", "/api/counters/van/stops/" + north + "/slots?date=tomorrow", null, null);
        assertThat(outsideTheWindow.statusCode()).isEqualTo(400);
    }

    @Test
    void aRoundThatRestsOnHolidaysHasNoSlotsOverTheNewYearAsItsTimetableSays() throws Exception {
        declareRound("newyear", "juminhyo");
        assertThat(send("PUT", "/api/counters/van/routes/newyear", staffToken, """
                {"name": {"ja": "山ルート", "en": "Hill round"}, "weekdays": ["mon","tue","wed","thu","fri","sat","sun"]}""")
                .statusCode()).isEqualTo(200);
        long north = routes.find("newyear").stops().getFirst().id();
        LocalDate tomorrow = LocalDate.now(TOKYO).plusDays(1);
        LocalDate newYear = Stream.iterate(tomorrow, day -> day.plusDays(1))
                .filter(day -> day.getMonthValue() == 1 && day.getDayOfMonth() <= 3 || day.getMonthValue() == 12 && day.getDayOfMonth() >= 29)
                .findFirst().orElseThrow();
        LocalDate running = Stream.iterate(tomorrow, day -> day.plusDays(1))
                .filter(day -> routes.day(routes.find("newyear"), day).open()).findFirst().orElseThrow();
        assertThat(routes.day(routes.find("newyear"), newYear).open()).as("the timetable skips %s", newYear).isFalse();

        assertThat(reservations.slots(north, newYear)).isEmpty();
        assertThat(reservations.slots(north, running)).isNotEmpty();
        HttpResponse<String> slots = send("GET", "/api/counters/van/stops/" + north + "/slots?date=" + newYear, null, null);
        assertThat(slots.body()).contains("\"slots\":[]");

        long resident = jdbc.queryForObject("""
                insert into account (kind, display_name, password_hash, email, email_verified_at)
                values ('resident', '正月 花子', 'x', 'shogatsu@example.jp', now()) returning id""", Long.class);
        OffsetDateTime tenThatDay = newYear.atTime(LocalTime.of(10, 0)).atZone(TOKYO).toOffsetDateTime();
        assertThatThrownBy(() -> reservations.reserve(north, tenThatDay, resident))
                .isInstanceOfSatisfying(CountersProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(422);
                    assertThat(problem.getMessage()).contains("does not run on " + newYear, "New Year");
                });
    }

    @Test
    void theRoadToAVanStopIsDrawnOverTheSameNetworkAsTheVansMinutes() throws Exception {
        declareRound("road", "juminhyo");
        long north = routes.find("road").stops().getFirst().id();

        HttpResponse<String> answer = send("GET", "/api/counters/route?lon=131.800&lat=34.700&stop=" + north, null, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode road = json.readTree(answer.body());
        assertThat(road.path("stop").asLong()).isEqualTo(north);
        assertThat(road.path("to").path("name").asText()).isEqualTo("北の集会所");
        assertThat(road.path("metres").asLong()).as("1.3 km north by road").isBetween(1250L, 1350L);
        assertThat(road.path("geometry").path("type").asText()).isEqualTo("LineString");
        send("POST", "/api/counters/van/routes/road/positions", deviceToken, "{\"lon\": 131.800, \"lat\": 34.700}");
        assertThat(road.path("travelSeconds").asLong()).as("the van's own minutes from there")
                .isEqualTo(routeLive("road").travelSeconds());

        HttpResponse<String> notANumber = send("GET", "/api/counters/route?lon=131.8&lat=34.7&stop=north", null, null);
        HttpResponse<String> both = send("GET", "/api/counters/route?lon=131.8&lat=34.7&office=east&stop=" + north, null, null);
        HttpResponse<String> unknown = send("GET", "/api/counters/route?lon=131.8&lat=34.7&stop=999999", null, null);
        for (HttpResponse<String> refused : List.of(notANumber, both, unknown)) {
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notANumber.body()).path("field").asText()).isEqualTo("stop");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json.readTree(both.body()).path("type").asText()).endsWith("one-destination");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void everyPostedPositionIsOnTheDaysTrackForStaffAsJsonAndCsvAndOldOnesAreForgotten() throws Exception {
        declareRound("track", "juminhyo");
        jdbc.update("""
                insert into counter_van_track (route_id, geom, at, posted_by)
                select id, st_setsrid(st_makepoint(131.8, 34.7), 6668), now() - interval '91 days', 'van-tablet'
                from counter_van_route where code = 'track'""");
        send("POST", "/api/counters/van/routes/track/positions", deviceToken, "{\"lon\": 131.800, \"lat\": 34.700}");
        send("POST", "/api/counters/van/routes/track/positions", deviceToken, "{\"lon\": 131.8000, \"lat\": 34.7050}");
        send("POST", "/api/counters/van/routes/track/positions", staffToken, "{\"lon\": 131.8000, \"lat\": 34.7117}");
        String today = LocalDate.now(TOKYO).toString();

        HttpResponse<String> day = send("GET", "/staff/api/counters/van/routes/track/track?date=" + today, staffToken, null);
        assertThat(day.statusCode()).as(day.body()).isEqualTo(200);
        JsonNode positions = json.readTree(day.body()).path("positions");
        assertThat(positions.size()).as("the three of today; the 91-day-old one is gone").isEqualTo(3);
        assertThat(positions.get(0).path("lat").asDouble()).isEqualTo(34.700);
        assertThat(positions.get(2).path("lat").asDouble()).isEqualTo(34.7117);
        assertThat(positions.get(2).path("postedBy").asText()).isEqualTo("unten");
        assertThat(positions.get(0).path("at").asText()).startsWith(today).endsWith("+09:00");
        assertThat(jdbc.queryForObject("select count(*) from counter_van_track where at < now() - interval '90 days'", Integer.class))
                .isZero();

        HttpResponse<String> csv = send("GET", "/staff/api/counters/van/routes/track/track.csv?date=" + today, staffToken, null);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("van-track-" + today + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("\uFEFFat,lon,lat,posted_by");
        assertThat(lines.get(1)).startsWith(today).endsWith(",131.800000,34.700000,\"van-tablet\"");

        HttpResponse<String> anonymous = send("GET", "/staff/api/counters/van/routes/track/track?date=" + today, null, null);
        HttpResponse<String> badDate = send("GET", "/staff/api/counters/van/routes/track/track?date=today", staffToken, null);
        HttpResponse<String> unknown = send("GET", "/staff/api/counters/van/routes/nowhere/track.csv?date=" + today, staffToken, null);
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(badDate.body()).path("parameter").asText()).isEqualTo("date");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private VanLive routeLive(String route) {
        return positions.now(route);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
