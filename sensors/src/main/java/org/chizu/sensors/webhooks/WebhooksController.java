package org.chizu.sensors.webhooks;

import java.net.URI;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.chizu.sensors.SensorsProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff register, list and remove webhooks at {@code /api/alerts/webhooks}. A registration without a
 * secret gets one made up (32 random bytes, base64url); the secret is answered once, at registration,
 * and never shown again. A URL whose host is inside the network is refused ({@link WebhookDestinations}).
 */
@RestController
class WebhooksController {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_URL = 2000;
    private static final int MIN_SECRET = 16;

    private final WebhookStore store;
    private final RequestAudience audience;
    private final WebhookDestinations destinations;

    WebhooksController(WebhookStore store, RequestAudience audience, WebhookDestinations destinations) {
        this.store = store;
        this.audience = audience;
        this.destinations = destinations;
    }

    /** What staff register: where to POST, optionally the secret to sign with, and a note on whose system it is. */
    record Registration(String url, String secret, String description) {
    }

    @PostMapping("/api/alerts/webhooks")
    ResponseEntity<Map<String, Object>> register(@RequestBody Registration registration, Principal staff) {
        String name = staffOnly(staff);
        URI url = url(registration.url());
        destinations.refusal(url).ifPresent(refusal -> {
            throw new SensorsProblem(422, "sensors-webhook-internal-address", "Address inside the network",
                    "url must call a system outside the town's network: " + refusal + ". A host of the town's own intranet can be "
                            + "allowed with chizu.sensors.webhooks.allowed-private-hosts.", Map.of("pointer", "/url"));
        });
        String secret = registration.secret() == null ? newSecret() : registration.secret();
        if (secret.length() < MIN_SECRET) {
            throw SensorsProblem.badRequest("secret must be at least " + MIN_SECRET + " characters (or left out, to have one made).",
                    Map.of("pointer", "/secret"));
        }
        long id = store.register(url.toString(), secret, registration.description() == null ? "" : registration.description(), name);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("url", url.toString());
        answer.put("secret", secret);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/alerts/webhooks/" + id)).body(answer);
    }

    @GetMapping("/api/alerts/webhooks")
    Map<String, List<Webhook>> all(Principal staff) {
        staffOnly(staff);
        return Map.of("webhooks", store.all());
    }

    @DeleteMapping("/api/alerts/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal staff) {
        staffOnly(staff);
        if (!store.delete(id)) {
            throw new SensorsProblem(404, "sensors-webhook-not-found", "Not found", "Webhook " + id + " does not exist.", Map.of("webhook", id));
        }
        return ResponseEntity.noContent().build();
    }

    /** The signed-in staff member's name; the application's access rules say the same, this keeps the module safe alone. */
    private String staffOnly(Principal staff) {
        if (staff == null || audience.get() != Audience.STAFF) {
            throw new SensorsProblem(401, "sensors-sign-in", "Sign-in required", "Only signed-in staff manage webhooks.", Map.of());
        }
        return staff.getName();
    }

    private static URI url(String given) {
        try {
            URI url = given == null || given.length() > MAX_URL ? null : URI.create(given);
            if (url != null && url.isAbsolute() && url.getHost() != null && (url.getScheme().equals("https") || url.getScheme().equals("http"))) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw SensorsProblem.badRequest("url must be an absolute http or https URL of at most " + MAX_URL + " characters.",
                Map.of("pointer", "/url"));
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
