package org.chizu.sensors.readings;

import java.util.Map;
import java.util.TreeSet;

import org.chizu.platform.events.LiveEvents;
import org.chizu.sensors.quality.QualityChecked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces on live topic {@value #TOPIC} which datastreams have new valid readings, once per append
 * and in its transaction, so a map refreshes only after they are committed. A batch of flagged
 * readings only announces nothing: the map shows valid values alone.
 */
@Component
class ReadingsAnnouncer {

    /** The public live topic of new readings. */
    static final String TOPIC = "readings";
    /** A bulk load names no datastreams (the event must stay well under its size limit); the map refreshes all anyway. */
    private static final int MAX_NAMED = 1000;

    private final LiveEvents liveEvents;

    ReadingsAnnouncer(LiveEvents liveEvents) {
        this.liveEvents = liveEvents;
    }

    @EventListener
    void announce(QualityChecked checked) {
        TreeSet<Long> datastreams = new TreeSet<>();
        checked.valid().forEach(reading -> datastreams.add(reading.datastreamId()));
        if (datastreams.size() > MAX_NAMED) {
            liveEvents.publish(TOPIC, Map.of("count", datastreams.size()));
        } else if (!datastreams.isEmpty()) {
            liveEvents.publish(TOPIC, Map.of("count", datastreams.size(), "datastreams", datastreams));
        }
    }
}
