package org.chizu.sensors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storage API for readings of MultiDatastreams: stored in {@code sta_observation} beside the
 * Datastreams' readings (their array result as JSON), without latest values, aggregates, quality
 * control or alerts, which are a Datastream's.
 */
@Component
public class MultiObservations {

    private final JdbcTemplate jdbc;
    private final ObservationRows rows;
    private final ApplicationEventPublisher events;

    MultiObservations(JdbcTemplate jdbc, ObservationRows rows, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
    }

    /**
     * Stores the readings, all or none, and returns their ids in the batch's order. Publishes
     * {@link MultiObservationsAppended} in the transaction.
     *
     * @throws SensorsProblem 400 when a result has not one value per ObservedProperty of its
     *                        MultiDatastream, or (as {@link Observations#append}) a MultiDatastream or
     *                        feature of interest does not exist
     */
    @Transactional
    public List<Long> append(List<NewMultiObservation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        requireOneValuePerProperty(batch);
        ObservationRows.Stored rowsStored = rows.append(ObservationStream.MULTI_DATASTREAM, batch);
        List<MultiObservationsAppended.Stored> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            stored.add(new MultiObservationsAppended.Stored(rowsStored.ids().get(i), rowsStored.features().get(i), batch.get(i)));
        }
        events.publishEvent(new MultiObservationsAppended(List.copyOf(stored)));
        return rowsStored.ids();
    }

    private void requireOneValuePerProperty(List<NewMultiObservation> batch) {
        Map<Long, Integer> properties = new HashMap<>();
        rows.ids(batch.stream().map(NewMultiObservation::multiDatastreamId).distinct().toList(), array -> jdbc.query("""
                select m.multi_datastream_id, count(*) from sta_multi_datastream_observed_property m
                where m.multi_datastream_id = any(?) group by m.multi_datastream_id""",
                (row, n) -> properties.put(row.getLong(1), row.getInt(2)), array));
        for (int i = 0; i < batch.size(); i++) {
            NewMultiObservation reading = batch.get(i);
            Integer expected = properties.get(reading.multiDatastreamId());
            if (expected != null && expected != reading.result().size()) {
                String address = ObservationStream.MULTI_DATASTREAM.address(reading.multiDatastreamId());
                throw SensorsProblem.badRequest((batch.size() > 1 ? "observation " + (i + 1) + " of " + batch.size() + ": " : "")
                        + "result has " + reading.result().size() + " values, but " + address + " has " + expected
                        + " ObservedProperties: one value each, in their order.", Map.of("field", "result", "multiDatastream", reading.multiDatastreamId()));
            }
        }
    }
}
