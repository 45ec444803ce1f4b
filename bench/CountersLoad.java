import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for bench/counters.sh against a running Chizu on loopback.
 *
 * followers BASE_URL OFFICE FOLLOWERS ROUNDS STAFF_TOKEN: FOLLOWERS clients follow the office's live topic
 * on /events (as each ticket's phone does); ROUNDS times a resident takes a ticket and staff call it; for
 * every follower, the time from sending the call to reading the event that shows the called number.
 * Prints how many arrived, p50/p95/p99/max in milliseconds.
 *
 * nearest BASE_URL SERVICE ROUNDS MIN_LON MIN_LAT MAX_LON MAX_LAT: ROUNDS nearest-counter requests from
 * random places in the box, one at a time; prints p50/p95/p99 in milliseconds.
 */
public class CountersLoad {

    static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([A-Z]\\d+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "followers" -> followers(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
            case "nearest" -> nearest(args[1], args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    Double.parseDouble(args[5]), Double.parseDouble(args[6]), Double.parseDouble(args[7]));
            default -> throw new IllegalArgumentException("followers or nearest, not " + args[0]);
        }
    }

    /** One follower: reads the stream on a virtual thread and notes when each called number first arrives. */
    static final class Follower {
        volatile String awaited;
        volatile long heardAt;
        volatile CountDownLatch arrived;

        void read(InputStream body) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.append(line, 5, line.length());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        String text = data.toString();
                        data.setLength(0);
                        // The kept event's JSON may have its members in any order: read the serving array alone.
                        int serving = text.indexOf("\"serving\"");
                        int end = serving < 0 ? -1 : text.indexOf(']', serving);
                        String wanted = awaited;
                        if (wanted != null && end > serving) {
                            Matcher number = NUMBER.matcher(text.substring(serving, end));
                            while (number.find()) {
                                if (number.group(1).equals(wanted) && heardAt == 0) {
                                    heardAt = System.nanoTime();
                                    arrived.countDown();
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the stream closed
            }
        }
    }

    static void followers(String base, String office, int count, int rounds, String staffToken) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
        List<Follower> followers = new ArrayList<>();
        List<InputStream> streams = new ArrayList<>();
        URI events = URI.create(base + "/events?topic=counters.office." + office);
        List<CompletableFuture<HttpResponse<InputStream>>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            connecting.add(http.sendAsync(HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        }
        for (CompletableFuture<HttpResponse<InputStream>> connection : connecting) {
            HttpResponse<InputStream> response = connection.get(60, TimeUnit.SECONDS);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("a follower was refused: " + response.statusCode());
            }
            Follower follower = new Follower();
            followers.add(follower);
            streams.add(response.body());
            Thread.ofVirtual().start(() -> follower.read(response.body()));
        }
        System.err.println("bench: " + followers.size() + " followers connected");
        Thread.sleep(1000);
        List<Double> latencies = new ArrayList<>();
        int missed = 0;
        for (int round = 0; round < rounds; round++) {
            HttpResponse<String> taken = http.send(HttpRequest.newBuilder(URI.create(base + "/api/counters/offices/" + office + "/tickets"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"juminhyo\",\"channel\":\"kiosk\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher number = NUMBER.matcher(taken.body());
            if (taken.statusCode() != 201 || !number.find()) {
                throw new IllegalStateException("could not take a ticket: " + taken.statusCode() + " " + taken.body());
            }
            String ticket = number.group(1);
            CountDownLatch arrived = new CountDownLatch(followers.size());
            for (Follower follower : followers) {
                follower.heardAt = 0;
                follower.arrived = arrived;
                follower.awaited = ticket;
            }
            Thread.sleep(300);
            long sent = System.nanoTime();
            HttpResponse<String> call = http.send(HttpRequest.newBuilder(URI.create(base + "/api/counters/offices/" + office + "/calls"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + staffToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"desk\":\"1\",\"services\":[\"juminhyo\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (call.statusCode() != 200 || !call.body().contains("\"" + ticket + "\"")) {
                throw new IllegalStateException("the call did not call " + ticket + ": " + call.statusCode() + " " + call.body());
            }
            arrived.await(10, TimeUnit.SECONDS);
            for (Follower follower : followers) {
                if (follower.heardAt == 0) {
                    missed++;
                } else {
                    latencies.add((follower.heardAt - sent) / 1e6);
                }
            }
            Thread.sleep(500);
        }
        streams.forEach(stream -> {
            try {
                stream.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        System.out.println(count + " followers x " + rounds + " calls: " + latencies.size() + " arrived, " + missed + " missed, "
                + percentiles(latencies));
        System.exit(0);
    }

    static void nearest(String base, String service, int rounds, double minLon, double minLat, double maxLon, double maxLat) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        Random random = new Random(19);
        List<Double> latencies = new ArrayList<>();
        int answered = 0;
        for (int i = 0; i < rounds; i++) {
            double lon = minLon + random.nextDouble() * (maxLon - minLon);
            double lat = minLat + random.nextDouble() * (maxLat - minLat);
            long began = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/counters/nearest?lon=%.5f&lat=%.5f&service=%s"
                    .formatted(lon, lat, service))).build(), HttpResponse.BodyHandlers.ofString());
            latencies.add((System.nanoTime() - began) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("nearest answered " + response.statusCode() + ": " + response.body());
            }
            if (response.body().contains("travelSeconds")) {
                answered++;
            }
        }
        System.out.println(rounds + " requests (" + answered + " with a reachable counter), " + percentiles(latencies));
    }

    static String percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return "no values";
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted.getLast());
    }

    static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
