import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load driver for bench/booking.sh against a running Chizu on loopback.
 *
 * hold BASE_URL COUNT UNIT START END: COUNT residents (tokens chizu_bench_resident_1 …) ask to hold
 * the same slot at the same moment; prints how many got 201, 409 and anything else.
 *
 * availability BASE_URL UNITS ROUNDS CONNECTIONS MONTH: every unit's month, ROUNDS times over, on
 * CONNECTIONS connections; prints p50, p95 and p99 in milliseconds and requests per second.
 */
public class BookingLoad {

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        switch (args[0]) {
            case "hold" -> hold(http, args[1], Integer.parseInt(args[2]), args[3], args[4], args[5]);
            case "availability" -> availability(http, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args[5]);
            default -> throw new IllegalArgumentException("hold or availability, not " + args[0]);
        }
    }

    static void hold(HttpClient http, String base, int count, String unit, String start, String end) throws Exception {
        String body = "{\"unit\": %s, \"start\": \"%s\", \"end\": \"%s\"}".formatted(unit, start, end);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int i = 1; i <= count; i++) {
                String token = "chizu_bench_resident_" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/booking/holds"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() + (response.statusCode() == 409 && !response.body().contains("urn:chizu:problem:taken")
                                ? " (not taken: " + response.body() + ")" : "");
                    } catch (Exception e) {
                        return "error " + e;
                    }
                }));
            }
            long began = System.nanoTime();
            go.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> answer : answers) {
                outcomes.merge(answer.get(), 1, Integer::sum);
            }
            System.out.printf("holds: %s in %.2f s%n", outcomes, (System.nanoTime() - began) / 1e9);
        }
    }

    static void availability(HttpClient http, String base, int units, int rounds, int connections, String month)
            throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int total = units * rounds;
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    for (int n; (n = next.getAndIncrement()) < total; ) {
                        URI uri = URI.create(base + "/api/booking/units/" + (1 + n % units) + "/availability?month=" + month);
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        micros.add((System.nanoTime() - start) / 1000);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("availability: %d requests, %d failed, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f req/s%n",
                total, failures.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), total / seconds);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
