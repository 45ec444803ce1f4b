package org.chizu.sensors.subscriptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chizu.platform.mail.MailHeaders;
import org.chizu.platform.mail.MailOutbox;
import org.chizu.platform.web.PublicBaseUrl;
import org.chizu.sensors.alerts.AlertKind;
import org.chizu.sensors.alerts.AlertTransition;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues an e-mail to every address subscribed to a sensor or a zone when an alert there is raised,
 * updated or cleared, in the transaction of that step, so it is sent if and only if the step
 * commits. One e-mail per address, however many of its subscriptions the alert concerns, with the
 * unsubscribe link of each in the text; its List-Unsubscribe header (RFC 8058 one-click, which a mail
 * program POSTs without showing a page) names the first of them, as a header holds one action.
 * Missing-reading alerts and acknowledgements are staff's business, not mailed.
 */
@Component
class AlertMails {

    private final AlertSubscriptions subscriptions;
    private final AlertMailText text;
    private final MailOutbox outbox;
    private final PublicBaseUrl baseUrl;

    AlertMails(AlertSubscriptions subscriptions, AlertMailText text, MailOutbox outbox, PublicBaseUrl baseUrl) {
        this.subscriptions = subscriptions;
        this.text = text;
        this.outbox = outbox;
        this.baseUrl = baseUrl;
    }

    @EventListener
    void on(AlertTransition step) {
        if (!AlertKind.THRESHOLD.code().equals(step.kind()) || step.transition().equals("acknowledged")) {
            return;
        }
        Map<String, List<Subscription>> byAddress = new LinkedHashMap<>();
        subscriptions.concerning(step.datastreamId())
                .forEach(subscription -> byAddress.computeIfAbsent(subscription.email().toLowerCase(Locale.ROOT), address -> new ArrayList<>())
                        .add(subscription));
        if (byAddress.isEmpty()) {
            return;
        }
        AlertMailText.Message message = text.alert(step, baseUrl.current());
        byAddress.values().forEach(ofAddress -> outbox.queue("alert " + step.alertId() + " to subscription " + ofAddress.getFirst().id(),
                ofAddress.getFirst().email(), message.subject(), message.body() + text.unsubscribeLinks(ofAddress, baseUrl.current()),
                MailHeaders.oneClickUnsubscribe(text.unsubscribeLink(ofAddress.getFirst(), baseUrl.current()))));
    }
}
