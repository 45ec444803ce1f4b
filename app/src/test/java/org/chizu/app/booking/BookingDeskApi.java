package org.chizu.app.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A staff member at the booking desk calling the API with their token, as the lottery tests need one. */
final class BookingDeskApi {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;
    private final String token;

    BookingDeskApi(int port, String token) {
        this.port = port;
        this.token = token;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
    }

    /** Sends JSON (or nothing, for a null body). */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the month's lottery, taking entries from an hour ago for another hour; winners confirm within three days. */
    JsonNode openLotteryForAnHour(YearMonth month) throws IOException, InterruptedException {
        OffsetDateTime now = OffsetDateTime.now(JAPAN);
        HttpResponse<String> opened = send("POST", "/api/booking/lotteries", """
                {"month": "%s", "applicationsOpen": "%s", "applicationsClose": "%s", "confirmBy": "%s"}"""
                .formatted(month, now.minusHours(1), now.plusHours(1), now.plusDays(3)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json.readTree(opened.body());
    }
}
