package org.chizu.sensors.subscriptions;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.chizu.platform.mail.MailOutbox;
import org.chizu.platform.web.AddressRateLimit;
import org.chizu.platform.web.PublicBaseUrl;
import org.chizu.sensors.SensorsProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribing by e-mail: {@code POST /api/alerts/subscriptions} (open to the public) mails a
 * confirmation link ({@link SubscriptionLinksController} serves the links). The answer to a subscription
 * is the same whether or not the address already follows the target, so it tells nobody who does.
 */
@RestController
class AlertSubscriptionsController {

    /** A plausible address: something@domain.tld without spaces, at most the 254 characters SMTP allows. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_EMAIL = 254;

    private final AlertSubscriptions subscriptions;
    private final AlertMailText text;
    private final MailOutbox outbox;
    private final PublicBaseUrl baseUrl;
    // A confirmation mail is sent to whatever address is given: limits keep one client from mailing
    // many addresses and anyone from flooding one address.
    private final AddressRateLimit perClient = new AddressRateLimit(10, 10, Duration.ofHours(1));
    private final AddressRateLimit perRecipient = new AddressRateLimit(3, 3, Duration.ofDays(1));

    AlertSubscriptionsController(AlertSubscriptions subscriptions, AlertMailText text, MailOutbox outbox, PublicBaseUrl baseUrl) {
        this.subscriptions = subscriptions;
        this.text = text;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    /** What a resident asks to follow: an e-mail address and either a datastream (a gauge) or a hazard zone. */
    record SubscriptionRequest(String email, Long datastreamId, Long zoneId) {
    }

    @PostMapping("/api/alerts/subscriptions")
    @Transactional
    ResponseEntity<Map<String, String>> subscribe(@RequestBody SubscriptionRequest request, HttpServletRequest http) {
        String email = request.email() == null ? "" : request.email().strip();
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw SensorsProblem.badRequest("email must be an e-mail address such as taro@example.jp.", Map.of("pointer", "/email"));
        }
        if ((request.datastreamId() == null) == (request.zoneId() == null)) {
            throw SensorsProblem.badRequest("Name either datastreamId (a sensor on the map) or zoneId (a hazard zone), not both or neither.",
                    Map.of("pointer", request.datastreamId() == null ? "/datastreamId" : "/zoneId"));
        }
        String target = request.datastreamId() != null
                ? subscriptions.datastreamName(request.datastreamId()).orElseThrow(() -> SensorsProblem.badRequest(
                        "Datastreams(" + request.datastreamId() + ") is not a sensor on the map.", Map.of("pointer", "/datastreamId")))
                : subscriptions.watchedZoneName(request.zoneId()).orElseThrow(() -> SensorsProblem.badRequest(
                        "Hazard zone " + request.zoneId() + " is not watched by any sensor.", Map.of("pointer", "/zoneId")));
        if (!perClient.tryTake(http.getRemoteAddr()) || !perRecipient.tryTake(email.toLowerCase(Locale.ROOT))) {
            throw new SensorsProblem(429, "sensors-too-many-subscriptions", "Too many requests",
                    "Too many subscriptions asked for from here or for this address; try again later.", Map.of());
        }
        subscriptions.subscribe(email, request.datastreamId(), request.zoneId(), target).ifPresent(subscription -> {
            AlertMailText.Message confirmation = text.confirmation(subscription, baseUrl.current());
            outbox.queue("alert subscription " + subscription.id(), subscription.email(), confirmation.subject(), confirmation.body());
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "confirmation-sent", "target", target));
    }
}
