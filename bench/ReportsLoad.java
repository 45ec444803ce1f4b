import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

/**
 * Load driver for bench/reports.sh: N residents submit a report with a 1600x1200 JPEG photo at the
 * same moment (all released by one latch) to a running Chizu on loopback. A submission that fails
 * on the network is retried with the same submission key, as the report page does, so the server
 * must neither lose nor duplicate it. Prints one line per outcome and the throughput.
 *
 * Usage: java ReportsLoad.java BASE_URL COUNT
 */
public class ReportsLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int count = Integer.parseInt(args[1]);
        byte[] photo = photo();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger retries = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return submit(http, base, n, photo, retries);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int created = 0;
        int failed = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 201 || status == 200) {
                created++;
            } else {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        System.out.printf("submitted: %d, accepted: %d, failed: %d, retries: %d%n", count, created, failed, retries.get());
        System.out.printf("photo size: %d bytes%n", photo.length);
        System.out.printf("throughput: %.1f reports/s (%d in %.2f s, %d concurrent)%n", created / seconds, created, seconds, count);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static int submit(HttpClient http, String base, int n, byte[] photo, AtomicInteger retries) throws Exception {
        String key = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            String boundary = "bench-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            field(body, boundary, "category", "pothole");
            field(body, boundary, "description", "負荷試験の通報 " + n);
            field(body, boundary, "lon", String.valueOf(131.8400 + (n % 20) * 0.0004));
            field(body, boundary, "lat", "34.67138");
            field(body, boundary, "submissionKey", key);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(photo);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500 && attempt < 5) {
                    retries.incrementAndGet();
                    continue;
                }
                if (response.statusCode() >= 300) {
                    System.out.println("report " + n + ": " + response.statusCode() + " " + response.body());
                }
                return response.statusCode();
            } catch (java.io.IOException e) {
                if (attempt >= 5) {
                    System.out.println("report " + n + ": " + e);
                    return -1;
                }
                retries.incrementAndGet();
            }
        }
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A phone-sized photo (noise keeps JPEG from shrinking it to nothing). */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 1200; y += 4) {
            for (int x = 0; x < 1600; x += 4) {
                int grey = 80 + random.nextInt(60);
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        image.setRGB(x + dx, y + dy, new Color(grey, grey, grey).getRGB());
                    }
                }
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillOval(500, 400, 600, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
