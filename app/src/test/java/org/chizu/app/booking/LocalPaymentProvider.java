package org.chizu.app.booking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.chizu.booking.WebhookSignature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A payment provider on loopback for tests, speaking the API that {@code HttpPaymentProvider} calls:
 * {@code POST /v1/checkouts} opens a checkout, {@code GET /pay/<id>} is its payment page (visiting it
 * pays, and the provider then notifies Chizu's webhook over HTTP, signed with the shared secret),
 * {@code POST /v1/checkouts/<id>/refunds} records a refund. What it was asked is kept for the test.
 */
public final class LocalPaymentProvider implements AutoCloseable {

    public static final String API_KEY = "sk_test_local";
    public static final String WEBHOOK_SECRET = "whsec_local_provider";

    /** A checkout as the provider saw it. */
    public record Checkout(String id, int amount, String reference) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final List<Integer> refunds = new CopyOnWriteArrayList<>();
    private final List<Integer> webhookAnswers = new CopyOnWriteArrayList<>();
    private volatile URI webhook;

    public LocalPaymentProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Requests are answered side by side, as a real provider's are: Chizu may call the API (a refund)
        // while answering the notification that the payment page is still waiting on.
        server.setExecutor(workers);
        server.createContext("/v1/checkouts", this::api);
        server.createContext("/pay/", this::pay);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Where to notify Chizu (its port is known only once it has started). */
    public void notify(URI webhookUrl) {
        this.webhook = webhookUrl;
    }

    public Map<String, Checkout> checkouts() {
        return checkouts;
    }

    public List<Integer> refunds() {
        return refunds;
    }

    /** The statuses Chizu answered the provider's notifications with. */
    public List<Integer> webhookAnswers() {
        return webhookAnswers;
    }

    private void api(HttpExchange exchange) throws IOException {
        if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"unauthorized\"}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody());
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/refunds")) {
            refunds.add(body.path("amount").asInt());
            answer(exchange, 201, "{\"status\":\"succeeded\"}");
            return;
        }
        String id = "chk_" + ids.incrementAndGet();
        checkouts.put(id, new Checkout(id, body.path("amount").asInt(), body.path("reference").asText()));
        answer(exchange, 201, json.writeValueAsString(Map.of("id", id, "url", url().resolve("/pay/" + id).toString())));
    }

    /** The payment page: paying notifies Chizu, then says so (in Japanese and English). */
    private void pay(HttpExchange exchange) throws IOException {
        Checkout checkout = checkouts.get(exchange.getRequestURI().getPath().substring("/pay/".length()));
        if (checkout == null) {
            answer(exchange, 404, "{\"error\":\"no such checkout\"}");
            return;
        }
        String event = json.writeValueAsString(Map.of("id", "evt_" + checkout.id(), "type", "checkout.paid",
                "checkout", checkout.id(), "amount", checkout.amount()));
        try {
            HttpResponse<String> notified = http.send(HttpRequest.newBuilder(webhook)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(WEBHOOK_SECRET, Instant.now(), event))
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            webhookAnswers.add(notified.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        byte[] page = "<!doctype html><html lang=\"ja\"><title>お支払い完了</title><p>お支払いが完了しました。 Paid.</p></html>"
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
