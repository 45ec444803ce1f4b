package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * An office's crowding follows the wait a ticket taken now would have: east's certificates take 6
 * minutes a ticket, so 2 waiting (12 min) is not busy, 3 (18 min) fairly busy and 5 (30 min) crowded,
 * with the default thresholds of 15 and 30 minutes. Each change is announced on counters.crowding.
 */
class CrowdingTest extends CountersTown {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theLevelRisesWithTheWaitOfATicketTakenNow() throws Exception {
        assertThat(east().path("level").asText()).isEqualTo("quiet");
        take(2);
        assertThat(east().path("waitMinutes").asInt()).isEqualTo(12);
        assertThat(east().path("level").asText()).isEqualTo("quiet");
        take(1);
        assertThat(east().path("waiting").asInt()).isEqualTo(3);
        assertThat(east().path("level").asText()).isEqualTo("busy");
        assertThat(east().path("levelName").path("ja").asText()).isEqualTo("やや混雑");
        take(2);
        assertThat(east().path("level").asText()).isEqualTo("crowded");
        assertThat(east().path("levelName").path("en").asText()).isEqualTo("Crowded");

        tickets.callNext("east", "1", java.util.List.of());
        assertThat(east().path("level").asText()).as("4 waiting, 24 minutes").isEqualTo("busy");
    }

    @Test
    void theAnswerStatesTheThresholdsAndLevelsItUses() throws Exception {
        JsonNode answer = crowdingNow();
        assertThat(answer.path("topic").asText()).isEqualTo(Crowding.TOPIC);
        assertThat(answer.path("thresholds").path("busyMinutes").asInt()).isEqualTo(15);
        assertThat(answer.path("thresholds").path("crowdedMinutes").asInt()).isEqualTo(30);
        assertThat(answer.path("levels").findValuesAsText("level")).containsExactly("quiet", "busy", "crowded", "closed");
        assertThat(answer.path("offices").findValuesAsText("office")).containsExactly("east", "north", "south");
        JsonNode east = east();
        assertThat(east.path("lon").asDouble()).isEqualTo(131.81);
        assertThat(east.path("open").asBoolean()).isTrue();
    }

    @Test
    void aTakenTicketIsAnnouncedWithTheOfficesNewLevel() throws Exception {
        take(2);
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base() + "/events?topic=" + Crowding.TOPIC))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture<JsonNode> heard = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        JsonNode event = json.readTree(data.toString());
                        if ("busy".equals(event.path("level").asText())) {
                            return event;
                        }
                        data.setLength(0);
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        take(1);

        JsonNode event = heard.get(10, TimeUnit.SECONDS);
        stream.body().close();
        assertThat(event.path("office").asText()).isEqualTo("east");
        assertThat(event.path("waiting").asInt()).isEqualTo(3);
        assertThat(event.path("waitMinutes").asInt()).isEqualTo(18);
    }

    private void take(int count) {
        for (int i = 0; i < count; i++) {
            tickets.take("east", "juminhyo", "kiosk");
        }
    }

    private JsonNode east() throws Exception {
        for (JsonNode office : crowdingNow().path("offices")) {
            if ("east".equals(office.path("office").asText())) {
                return office;
            }
        }
        throw new AssertionError("no east office in the crowding answer");
    }

    private JsonNode crowdingNow() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/counters/crowding"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
