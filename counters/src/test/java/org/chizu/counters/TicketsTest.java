package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TicketsTest extends CountersTown {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void ticketsTakenAtOnceAreNumberedOneToAHundredWithNoneLostOrGivenTwice() throws Exception {
        int residents = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(residents)) {
            for (int i = 0; i < residents; i++) {
                numbers.add(pool.submit(() -> {
                    start.await();
                    return tickets.take("east", "juminhyo", "kiosk").ticket().sequence();
                }));
            }
            start.countDown();
        }
        List<Integer> taken = new ArrayList<>();
        for (Future<Integer> number : numbers) {
            taken.add(number.get());
        }

        assertThat(taken).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, residents).boxed().toList());
        assertThat(tickets.queue("east").queues().getFirst().waiting()).hasSize(residents).first().isEqualTo("A1");
    }

    @Test
    void twoDesksCallingAtOnceNeverCallTheSameTicketAndEachFinishesWhatItServed() throws Exception {
        for (int i = 0; i < 20; i++) {
            tickets.take("east", "juminhyo", "kiosk");
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> desks = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (String desk : List.of("1", "2")) {
                desks.add(pool.submit(() -> {
                    start.await();
                    List<String> called = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        tickets.callNext("east", desk, List.of()).ifPresent(ticket -> called.add(ticket.number()));
                    }
                    return called;
                }));
            }
            start.countDown();
        }
        List<String> all = new ArrayList<>(desks.get(0).get());
        all.addAll(desks.get(1).get());

        assertThat(all).hasSize(20).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from counter_ticket where state = 'served'", Integer.class)).isEqualTo(18);
        assertThat(tickets.queue("east").serving()).extracting(QueueState.Call::desk).containsExactlyInAnyOrder("1", "2");
        assertThat(tickets.callNext("east", "1", List.of())).as("nobody left").isEmpty();
    }

    @Test
    void aFollowerIsToldHowManyAreAheadTheWaitAndWhenTheirTurnIsThreeAway() {
        for (int i = 0; i < 4; i++) {
            tickets.take("east", "juminhyo", "kiosk");
        }
        TicketStatus mine = tickets.take("east", "juminhyo", "remote");

        assertThat(mine.ticket().number()).isEqualTo("A5");
        assertThat(mine.ahead()).isEqualTo(4);
        assertThat(mine.estimatedMinutes()).as("4 ahead × the service's typical 6 minutes").isEqualTo(24);
        assertThat(mine.soon()).isFalse();

        tickets.callNext("east", "1", List.of("juminhyo"));
        TicketStatus threeAway = tickets.status(mine.ticket().token());
        assertThat(threeAway.ahead()).isEqualTo(3);
        assertThat(threeAway.soon()).isTrue();

        tickets.callNext("east", "1", List.of());
        tickets.callNext("east", "2", List.of());
        tickets.callNext("east", "1", List.of());
        tickets.callNext("east", "2", List.of());
        TicketStatus called = tickets.status(mine.ticket().token());
        assertThat(called.ticket().state()).isEqualTo("called");
        assertThat(called.ticket().desk()).isEqualTo("2");
        assertThat(called.estimatedMinutes()).isZero();
    }

    @Test
    void theWaitIsEstimatedFromTheServicesHistoryAtThisHour() {
        // Six past days, each with calls at this hour four minutes apart.
        Instant now = Instant.now();
        for (int day = 1; day <= 6; day++) {
            for (int call = 0; call < 3; call++) {
                Instant at = now.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(4L * call - 8));
                jdbc.update("""
                        insert into counter_ticket (office_id, service_id, day, number, token, channel, state, desk, taken_at, called_at, finished_at)
                        values (1, 1, (cast(? as timestamptz) at time zone 'Asia/Tokyo')::date, ?, ?, 'kiosk', 'served', '1', ?, ?, ?)""",
                        java.sql.Timestamp.from(at), 1000 + call, "history-" + day + "-" + call, java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at), java.sql.Timestamp.from(at.plusSeconds(120)));
            }
        }
        tickets.take("east", "juminhyo", "kiosk");
        TicketStatus mine = tickets.take("east", "juminhyo", "kiosk");

        assertThat(mine.minutesPerTicket()).as("the history's 4 minutes between calls, not the typical 6").isEqualTo(4.0);
        assertThat(mine.estimatedMinutes()).isEqualTo(4);
    }

    @Test
    void anOfficeThatDoesNotTakeTicketsFromPhonesRefusesARemoteOne() throws Exception {
        HttpResponse<String> refused = post("/api/counters/offices/north/tickets", "{\"service\":\"juminhyo\",\"channel\":\"remote\"}");
        HttpResponse<String> unknown = post("/api/counters/offices/north/tickets", "{\"service\":\"pasupooto\"}");
        HttpResponse<String> notHere = post("/api/counters/offices/south/tickets", "{\"service\":\"juminhyo\"}");
        HttpResponse<String> taken = post("/api/counters/offices/east/tickets", "{\"service\":\"juminhyo\",\"channel\":\"remote\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("remote-not-allowed", "発券機");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown-service", "pasupooto");
        assertThat(notHere.statusCode()).isEqualTo(422);
        assertThat(notHere.body()).contains("service-not-offered");
        assertThat(taken.statusCode()).isEqualTo(201);
        assertThat(taken.headers().firstValue("Location").orElseThrow()).contains("/counters/tickets/");
        assertThat(taken.body()).contains("\"number\":\"A1\"", "qr.svg");
    }

    @Test
    void aTicketsQrCodeIsAnSvgOfItsFollowAddress() throws Exception {
        TicketStatus mine = tickets.take("east", "juminhyo", "kiosk");

        HttpResponse<String> qr = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/counters/tickets/"
                + mine.ticket().token() + "/qr.svg")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(qr.statusCode()).isEqualTo(200);
        assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(qr.body()).startsWith("<svg").contains("<path");
    }

    @Test
    void aCallReachesTheOfficesFollowersAsALiveEvent() throws Exception {
        tickets.take("east", "juminhyo", "kiosk");
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base() + "/events?topic=counters.office.east"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<String> heard = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty()) {
                        if (data.toString().replaceAll("\\s", "").contains("\"serving\":[{")) {
                            return data.toString().replaceAll("\\s", "");
                        }
                        data.setLength(0);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(300);

        Optional<Ticket> called = tickets.callNext("east", "3", List.of());

        assertThat(called).isPresent();
        assertThat(heard.get(10, TimeUnit.SECONDS)).contains("\"number\":\"A1\"", "\"desk\":\"3\"");
        stream.body().close();
    }

    @Test
    void calledTicketsAreRefusedToStaffWithoutADesk() {
        assertThatThrownBy(() -> tickets.callNext("east", " ", List.of()))
                .isInstanceOfSatisfying(CountersProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
