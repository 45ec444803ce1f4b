package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * The road the map draws from a place to an office: the same travel time as the nearest-counter
 * answer, along the roads (S to east lies along road 1, 0.9 km).
 */
class CounterRoutesTest extends CountersTown {

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theRouteFollowsTheRoadsAndTakesTheNearestAnswersTime() throws Exception {
        JsonNode route = get("/api/counters/route?lon=131.800&lat=34.700&office=east");

        long nearestSeconds = nearest.nearest(131.800, 34.700, "juminhyo").stream()
                .filter(counter -> counter.office().code().equals("east")).findFirst().orElseThrow().travelSeconds();
        assertThat(route.path("travelSeconds").asLong()).isEqualTo(nearestSeconds);
        assertThat(route.path("metres").asLong()).isBetween(900L, 930L);
        assertThat(route.path("geometry").path("type").asText()).isEqualTo("LineString");
        JsonNode coordinates = route.path("geometry").path("coordinates");
        assertThat(coordinates.size()).isGreaterThanOrEqualTo(2);
        for (JsonNode point : coordinates) {
            assertThat(point.get(1).asDouble()).as("along road 1").isEqualTo(34.700);
        }
    }

    @Test
    void anUnknownOfficeOrAMissingPlaceIsAProblem() throws Exception {
        HttpResponse<String> unknown = send("/api/counters/route?lon=131.8&lat=34.7&office=nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> noPlace = send("/api/counters/route?lat=34.7&office=east");
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noPlace.body()).path("field").asText()).isEqualTo("lon");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
