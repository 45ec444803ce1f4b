package org.chizu.sensors.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * POSTs the deliveries that are due, every {@code chizu.sensors.webhooks.poll-interval}, in every
 * Chizu process. Each delivery is claimed, sent and marked in one transaction of its own, so it is
 * sent once however many processes poll; only a failure between the receiver's answer and the commit
 * sends it again, which the receiver recognises by its {@code Chizu-Event-Id}. A 2xx answer delivers
 * it; anything else (another status, no answer within the timeout) is retried after
 * {@code retry-delays}, and given up after {@code max-attempts} with an error in the log. Headers:
 * {@code Chizu-Event-Id} (the same on every attempt), {@code Chizu-Delivery-Attempt} (1, 2 …) and
 * {@value WebhookSignature#HEADER} ({@link WebhookSignature}). A URL whose host now resolves inside the
 * network ({@link WebhookDestinations}) is not called: its delivery is given up at once.
 */
@Component
@BackgroundWork
@EnableScheduling
class WebhookSender implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_CHARS = 500;

    private final WebhookStore store;
    private final TransactionTemplate transaction;
    private final WebhookProperties properties;
    private final WebhookDestinations destinations;
    private final HttpClient http;

    WebhookSender(WebhookStore store, TransactionTemplate transaction, WebhookProperties properties, WebhookDestinations destinations) {
        this.store = store;
        this.destinations = destinations;
        this.transaction = transaction;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, properties.pollInterval());
        registrar.addFixedDelayTask(() -> store.forgetFinishedBefore(properties.keepFor()), Duration.ofHours(1));
    }

    /** Sends every delivery that is due, one transaction each, until none is left. */
    void sendDue() {
        boolean claimed;
        do {
            claimed = Boolean.TRUE.equals(transaction.execute(tx -> store.claimNextDue().map(delivery -> {
                attempt(delivery);
                return true;
            }).orElse(false)));
        } while (claimed);
    }

    private void attempt(Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        URI url = URI.create(delivery.url());
        // Checked again as the name resolves now; the connection follows at once, with the addresses
        // the JVM's resolver has just cached.
        Optional<String> refusal = destinations.refusal(url);
        if (refusal.isPresent()) {
            store.recordFailure(delivery.id(), null, "refused: " + refusal.get(), null);
            log.error("refused to deliver alert webhook {} (delivery {}): {}", delivery.webhookId(), delivery.id(), refusal.get());
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(properties.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Chizu-Webhooks/1")
                .header("Chizu-Event-Id", delivery.eventId())
                .header("Chizu-Delivery-Attempt", String.valueOf(attempt))
                .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), Instant.now().getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.markDelivered(delivery.id(), response.statusCode());
            } else {
                failed(delivery, attempt, response.statusCode(), "answered " + response.statusCode());
            }
        } catch (IOException e) {
            failed(delivery, attempt, null, String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, attempt, null, "interrupted");
        }
    }

    private void failed(Delivery delivery, int attempt, Integer status, String error) {
        String recorded = error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) : error;
        if (attempt >= properties.maxAttempts()) {
            store.recordFailure(delivery.id(), status, recorded, null);
            log.error("gave up delivering alert webhook {} (delivery {}) after {} attempts; last: {}", delivery.webhookId(), delivery.id(),
                    attempt, recorded);
        } else {
            Duration delay = properties.retryDelayAfter(attempt);
            store.recordFailure(delivery.id(), status, recorded, delay);
            log.warn("alert webhook {} (delivery {}, attempt {} of {}) failed: {}; trying again in {}", delivery.webhookId(), delivery.id(),
                    attempt, properties.maxAttempts(), recorded, delay);
        }
    }
}
