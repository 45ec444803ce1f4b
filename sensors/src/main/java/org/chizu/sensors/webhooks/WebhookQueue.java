package org.chizu.sensors.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.sensors.alerts.Alert;
import org.chizu.sensors.alerts.AlertTransition;
import org.chizu.sensors.alerts.CapMessages;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues every step of every alert for the registered webhooks, in the step's transaction. The
 * payload: {@code type} (alert.raised, alert.updated, alert.cleared, alert.acknowledged),
 * {@code cap} (the step's CAP 1.2 message with CAP's element names, or null for missing readings and
 * acknowledgements) and {@code alert} (as {@code /api/alerts/{id}} shows it to the public, with its
 * zones, shelters, roads and log).
 */
@Component
class WebhookQueue {

    private final WebhookStore store;
    private final CapMessages capMessages;
    private final ObjectMapper json;

    WebhookQueue(WebhookStore store, CapMessages capMessages, ObjectMapper json) {
        this.store = store;
        this.capMessages = capMessages;
        this.json = json;
    }

    @EventListener
    void on(AlertTransition step) {
        if (!store.anyRegistered()) {
            return;
        }
        Alert alert = capMessages.alert(step.alertId()).orElseThrow().withoutStaffNames();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "alert." + step.transition());
        payload.put("cap", capMessages.latest(alert).orElse(null));
        payload.put("alert", alert);
        try {
            store.queueForAll(json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert that cannot be written as JSON", e);
        }
    }
}
