package org.chizu.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A lock provider with a RemoteLOCK-style API: a guest ({@code POST /access_persons}, type
 * {@code access_guest}, with its PIN and {@code starts_at}/{@code ends_at}) is given access to a lock
 * ({@code POST /access_persons/{id}/accesses}) and deleted to revoke it ({@code DELETE /access_persons/{id}}).
 */
@Component
class RemoteLockClient implements LockProvider {

    private static final String MEDIA_TYPE = "application/vnd.lockstate+json; version=1";

    private final LockProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    RemoteLockClient(LockProperties properties) {
        this.properties = properties;
    }

    @Override
    public String grant(String device, String pin, Instant from, Instant until, String label) {
        String guest = send("POST", "access_persons", Map.of("type", "access_guest", "attributes",
                Map.of("name", label, "pin", pin, "starts_at", from.toString(), "ends_at", until.toString())));
        String id = read(guest).path("data").path("id").asText();
        send("POST", "access_persons/" + id + "/accesses",
                Map.of("attributes", Map.of("accessible_id", device, "accessible_type", "lock")));
        return id;
    }

    @Override
    public void revoke(String accessId) {
        send("DELETE", "access_persons/" + accessId, null);
    }

    private String send(String method, String path, Object body) {
        if (properties.providerUrl() == null) {
            throw new IllegalStateException("no lock provider is configured (chizu.booking.lock.provider-url)");
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(properties.providerUrl().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + properties.apiToken())
                    .header("Accept", MEDIA_TYPE).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the lock provider answered " + response.statusCode() + " to " + method + " " + path);
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("the lock provider cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the lock provider answered no JSON", e);
        }
    }
}
