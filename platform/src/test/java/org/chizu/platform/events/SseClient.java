package org.chizu.platform.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of {@code /events} as a browser's EventSource sees it: events with their id, name and
 * data, and comment lines apart. It reads on a thread of its own; the test waits for what arrives.
 */
final class SseClient implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One event: {@code id}, {@code event} (the topic) and {@code data}. */
    record Received(String id, String topic, String data) {
    }

    private final InputStream body;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final Thread reader;
    /** The last id the server sent, with an event or without one, as a browser keeps it for reconnecting. */
    private volatile String lastEventId;

    private SseClient(InputStream body) {
        this.body = body;
        reader = Thread.ofVirtual().start(this::read);
    }

    /** Connects, after the events up to {@code lastEventId} when it is not null. */
    static SseClient connect(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("not an event stream: " + response.statusCode() + " " + text);
        }
        return new SseClient(response.body());
    }

    /** The answer to a request that is expected to be refused. */
    static HttpResponse<String> refused(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next event, waiting as long as delivery may reasonably take. */
    Received next() throws InterruptedException {
        Received event = events.poll(30, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event arrived");
        }
        return event;
    }

    /** The next {@code count} events. */
    List<Received> next(int count) throws InterruptedException {
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    String lastEventId() {
        return lastEventId;
    }

    /** The next comment line's text, waiting as long as a heartbeat may reasonably take. */
    String nextComment() throws InterruptedException {
        String comment = comments.poll(30, TimeUnit.SECONDS);
        if (comment == null) {
            throw new AssertionError("no comment arrived");
        }
        return comment;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String topic = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Received(id, topic, data.toString()));
                    }
                    topic = null;
                    data = null;
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                value = value.startsWith(" ") ? value.substring(1) : value;
                switch (field) {
                    case "" -> comments.add(value);
                    case "id" -> {
                        id = value;
                        lastEventId = value;
                    }
                    case "event" -> topic = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.interrupt();
    }
}
