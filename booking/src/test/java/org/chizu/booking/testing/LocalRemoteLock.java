package org.chizu.booking.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A RemoteLOCK-style lock provider on loopback: it answers guests created, accesses given and guests
 * deleted as the real API does (JSON:API {@code data.id}), and keeps every request for the test.
 * Shared with the application's tests (booking's test jar).
 */
public final class LocalRemoteLock implements AutoCloseable {

    public static final String TOKEN = "remotelock-test-token";

    /** One request: method, path and JSON body (null without one). */
    public record Call(String method, String path, JsonNode body) {
    }

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    public LocalRemoteLock() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public List<Call> calls() {
        return calls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(exchange.getRequestMethod(), path, request.length == 0 ? null : json.readTree(request)));
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\":\"unauthorized\"}");
        } else if (exchange.getRequestMethod().equals("DELETE")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else if (path.equals("/access_persons")) {
            answer(exchange, 201, "{\"data\":{\"type\":\"access_guest\",\"id\":\"guest-" + ids.incrementAndGet() + "\"}}");
        } else {
            answer(exchange, 201, "{\"data\":{\"type\":\"access_person_access\",\"id\":\"access-" + ids.incrementAndGet() + "\"}}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.lockstate+json; version=1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
