package org.chizu.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.platform.events.LiveEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff pages at once when a report arrives or changes status, as live events on the topic
 * {@value #TOPIC} (staff only). Published in the transaction of the change, so they are delivered if
 * and only if it commits. The residents' names and addresses stay out of them.
 */
@Component
class StaffReportFeed {

    static final String TOPIC = "staff.reports";

    private final LiveEvents liveEvents;

    StaffReportFeed(LiveEvents liveEvents) {
        this.liveEvents = liveEvents;
    }

    @EventListener
    void on(ReportReceived received) {
        Receipt receipt = received.receipt();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", "received");
        data.put("report", receipt.id());
        data.put("category", receipt.category());
        data.put("body", receipt.body());
        data.put("roadName", receipt.roadName());
        data.put("photos", receipt.photos());
        liveEvents.publish(TOPIC, data);
    }

    @EventListener
    void on(ReportStatusChanged change) {
        Report report = change.report();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", "status");
        data.put("report", report.id());
        data.put("category", report.category());
        data.put("status", report.status().id());
        data.put("previous", change.previous().id());
        data.put("statusLabel", report.status().label());
        liveEvents.publish(TOPIC, data);
    }
}
