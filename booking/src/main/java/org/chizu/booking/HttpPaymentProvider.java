package org.chizu.booking;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A payment provider over its HTTP API: {@code POST /v1/checkouts} with the amount in yen answers the
 * checkout's id and payment page; {@code POST /v1/checkouts/{id}/refunds} refunds. The provider then
 * notifies {@code /api/booking/payments/webhook}, signed ({@link WebhookSignature}).
 */
@Component
class HttpPaymentProvider implements PaymentProvider {

    private final PaymentProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    HttpPaymentProvider(PaymentProperties properties) {
        this.properties = properties;
    }

    @Override
    public Checkout checkout(String reference, int amountYen, String description) {
        JsonNode answer = post("/v1/checkouts", Map.of("amount", amountYen, "currency", "JPY", "reference", reference,
                "description", description));
        return new Checkout(answer.path("id").asText(), URI.create(answer.path("url").asText()));
    }

    @Override
    public void refund(String checkoutId, int amountYen) {
        post("/v1/checkouts/" + checkoutId + "/refunds", Map.of("amount", amountYen));
    }

    private JsonNode post(String path, Map<String, Object> body) {
        if (properties.providerUrl() == null) {
            throw BookingProblem.paymentUnavailable("no payment provider is configured (chizu.booking.payment.provider-url)");
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(properties.providerUrl().resolve(path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + properties.apiKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw BookingProblem.paymentUnavailable("the provider answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw BookingProblem.paymentUnavailable("the provider cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BookingProblem.paymentUnavailable("interrupted");
        }
    }
}
