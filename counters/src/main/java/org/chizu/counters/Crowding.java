package org.chizu.counters;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.chizu.platform.events.LiveEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Each office's crowding (混雑状況) from its live queue: now for every office, and announced on the
 * live topic {@value #TOPIC} with every change of an office's queue, for the public map and page.
 */
@Service
public class Crowding {

    public static final String TOPIC = "counters.crowding";

    private final Offices offices;
    private final OfficeCalendar calendar;
    private final Tickets tickets;
    private final LiveEvents live;
    private final CrowdingThresholds thresholds;
    private final CountersProperties properties;

    Crowding(Offices offices, OfficeCalendar calendar, Tickets tickets, LiveEvents live, CrowdingThresholds thresholds,
             CountersProperties properties) {
        this.offices = offices;
        this.calendar = calendar;
        this.tickets = tickets;
        this.live = live;
        this.thresholds = thresholds;
        this.properties = properties;
    }

    public CrowdingThresholds thresholds() {
        return thresholds;
    }

    public List<OfficeCrowding> now() {
        Instant now = Instant.now();
        return offices.all().stream().map(office -> of(office, tickets.queue(office.code()), now)).toList();
    }

    @EventListener
    void on(QueueChanged change) {
        live.publish(TOPIC, of(change.office(), change.queue(), change.at()));
    }

    private OfficeCrowding of(Office office, QueueState queue, Instant at) {
        OffsetDateTime local = OffsetDateTime.ofInstant(at, properties.zone());
        boolean open = calendar.isOpenAt(office, local.toZonedDateTime());
        int waiting = queue.queues().stream().mapToInt(service -> service.waiting().size()).sum();
        int minutes = (int) Math.ceil(queue.queues().stream()
                .mapToDouble(service -> service.waiting().size() * service.minutesPerTicket()).max().orElse(0));
        CrowdingLevel level = thresholds.level(open, minutes);
        return new OfficeCrowding(office.code(), office.name(), office.place().lon(), office.place().lat(), local, open,
                waiting, minutes, level, level.label());
    }
}
