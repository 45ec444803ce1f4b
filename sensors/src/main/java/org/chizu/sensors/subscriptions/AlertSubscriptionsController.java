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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribing by e-mail: {@code POST /api/alerts/subscriptions} (open to the public) mails a
 * confirmation link; the links of the e-mails open a page whose button confirms or unsubscribes. The answer to a subscription
 * is the same whether or not the address already follows the target, so it tells nobody who does.
 */
@RestController
class AlertSubscriptionsController {

    /** The addresses of the e-mails' links, which only show a page on GET and act on POST. */
    static final String CONFIRM = "/alerts/subscriptions/confirm";
    static final String UNSUBSCRIBE = "/alerts/subscriptions/unsubscribe";

    /** A plausible address: something@domain.tld without spaces, at most the 254 characters SMTP allows. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");
    private static final int MAX_EMAIL = 254;

    private final AlertSubscriptions subscriptions;
    private final AlertMailText text;
    private final MailOutbox outbox;
    private final PublicBaseUrl baseUrl;
    private final SubscriptionLinkPages pages;
    // A confirmation mail is sent to whatever address is given: limits keep one client from mailing
    // many addresses and anyone from flooding one address.
    private final AddressRateLimit perClient = new AddressRateLimit(10, 10, Duration.ofHours(1));
    private final AddressRateLimit perRecipient = new AddressRateLimit(3, 3, Duration.ofDays(1));

    AlertSubscriptionsController(AlertSubscriptions subscriptions, AlertMailText text, MailOutbox outbox, PublicBaseUrl baseUrl,
            SubscriptionLinkPages pages) {
        this.subscriptions = subscriptions;
        this.pages = pages;
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

    @GetMapping(CONFIRM)
    ResponseEntity<String> askToConfirm(@RequestParam String token, HttpServletRequest request) {
        return subscriptions.ofLink(token).filter(LinkedSubscription::confirmable)
                .map(subscription -> pages.asking(new SubscriptionLinkPages.Words(
                        "配信登録の確認", "Confirm your alert e-mails",
                        "「" + subscription.target() + "」の防災情報をメールで受け取るには、次のボタンを押してください。",
                        "To receive e-mails about alerts for \"" + subscription.target() + "\", press the button."),
                        new SubscriptionLinkPages.Button("登録を完了する", "Confirm"), token, request))
                .orElseGet(this::invalidConfirmation);
    }

    @PostMapping(CONFIRM)
    ResponseEntity<String> confirm(@RequestParam String token) {
        return subscriptions.confirm(token)
                ? pages.telling(HttpStatus.OK, new SubscriptionLinkPages.Words("配信登録が完了しました", "Your alert e-mails are confirmed",
                        "防災情報の発表・更新・解除をメールでお知らせします。各メールに配信停止のリンクがあります。",
                        "We will e-mail you when an alert is raised, updated or cleared. Every e-mail has a link to unsubscribe."))
                : invalidConfirmation();
    }

    @GetMapping(UNSUBSCRIBE)
    ResponseEntity<String> askToUnsubscribe(@RequestParam String token, HttpServletRequest request) {
        return subscriptions.ofLink(token)
                .map(subscription -> pages.asking(new SubscriptionLinkPages.Words(
                        "配信停止の確認", "Stop these e-mails?",
                        "「" + subscription.target() + "」の防災情報メールを停止し、このメールアドレスの登録を削除します。",
                        "This stops the alert e-mails for \"" + subscription.target() + "\" and deletes this address's subscription."),
                        new SubscriptionLinkPages.Button("配信を停止する", "Unsubscribe"), token, request))
                .orElseGet(this::alreadyUnsubscribed);
    }

    /**
     * Unsubscribes by the page's button, or by a mail program's one-click unsubscribe (RFC 8058: a POST
     * to the link itself with {@code List-Unsubscribe=One-Click}, which carries no cookie and so needs no
     * CSRF token).
     */
    @PostMapping(UNSUBSCRIBE)
    ResponseEntity<String> unsubscribe(@RequestParam String token) {
        return subscriptions.unsubscribe(token)
                ? pages.telling(HttpStatus.OK, new SubscriptionLinkPages.Words("配信を停止しました", "You are unsubscribed",
                        "このメールアドレスの登録を削除しました。", "This address and its subscription are deleted."))
                : alreadyUnsubscribed();
    }

    private ResponseEntity<String> invalidConfirmation() {
        return pages.telling(HttpStatus.NOT_FOUND, new SubscriptionLinkPages.Words("リンクが無効です", "This link is not valid",
                "期限（" + AlertSubscriptions.CONFIRM_DAYS + "日）が過ぎたか、配信停止済みです。もう一度登録してください。",
                "It has expired (after " + AlertSubscriptions.CONFIRM_DAYS + " days) or was unsubscribed. Please subscribe again."));
    }

    private ResponseEntity<String> alreadyUnsubscribed() {
        return pages.telling(HttpStatus.NOT_FOUND, new SubscriptionLinkPages.Words("配信停止済みです", "Already unsubscribed",
                "このリンクの登録はありません。", "There is no subscription for this link."));
    }
}
