package org.chizu.sensors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.internal.StoredValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's storage API for readings: every way in (SensorThings HTTP, MQTT, quality control)
 * appends through {@link #append}, which is built for high rates: one batch is one COPY (its ids
 * taken from the sequence beforehand), one upsert of the latest values and one update of the
 * datastreams' extents, in one transaction.
 */
@Component
public class Observations {

    private final JdbcTemplate jdbc;
    private final ObservationRows rows;
    private final ApplicationEventPublisher events;

    Observations(JdbcTemplate jdbc, ObservationRows rows, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
    }

    /**
     * Stores the readings, all or none, and returns their ids in the batch's order. An observation
     * without a feature of interest gets the one made from its Thing's current Location (made once
     * per location). Each datastream's latest value moves only to a newer reading, so batches may
     * arrive out of order. Publishes {@link ObservationsAppended} in the transaction, where quality
     * control flags readings that fail their datastream's checks and keeps the latest value to valid ones.
     *
     * @throws SensorsProblem 400 naming the first datastream or feature of interest that does not
     *                        exist, or a datastream whose Thing has no Location to observe at
     */
    @Transactional
    public List<Long> append(List<NewObservation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        ObservationRows.Stored rowsStored = rows.append(ObservationStream.DATASTREAM, batch);
        List<Long> ids = rowsStored.ids();
        keepLatest(batch, ids);
        List<ObservationsAppended.Stored> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            stored.add(new ObservationsAppended.Stored(ids.get(i), rowsStored.features().get(i), batch.get(i)));
        }
        events.publishEvent(new ObservationsAppended(List.copyOf(stored)));
        return ids;
    }

    /** The datastream's newest valid observation (one that quality control did not flag), or empty while it has none. */
    public Optional<LatestObservation> latest(long datastreamId) {
        return latest(List.of(datastreamId)).values().stream().findFirst();
    }

    /** The newest valid observation of each of these datastreams that has one. */
    public Map<Long, LatestObservation> latest(Collection<Long> datastreamIds) {
        return rows.ids(datastreamIds, array -> jdbc.query("""
                select datastream_id, observation_id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json::text
                from sta_latest_observation where datastream_id = any(?)""", (row, n) -> new LatestObservation(row.getLong(1), row.getLong(2),
                        new TimeInterval(StoredValues.instant(row, 3), StoredValues.instant(row, 4)), StoredValues.instant(row, 5), StoredValues.result(row, 6, 7)), array))
                .stream().collect(Collectors.toMap(LatestObservation::datastreamId, Function.identity()));
    }

    /** Deletes one observation (its datastream's latest value falls back to the one before); false when there was none. */
    @Transactional
    public boolean delete(long observationId) {
        List<Long> datastreams = jdbc.queryForList("delete from sta_observation where id = ? returning datastream_id", Long.class, observationId);
        // A MultiDatastream's observation has no datastream, and no latest value to refresh.
        datastreams.stream().filter(Objects::nonNull).forEach(this::refreshLatest);
        return !datastreams.isEmpty();
    }

    /**
     * Reads the datastream's latest value afresh, after its observations were changed other than by
     * appending: the newest one that quality control did not flag.
     */
    @Transactional
    public void refreshLatest(long datastreamId) {
        jdbc.update("delete from sta_latest_observation where datastream_id = ?", datastreamId);
        jdbc.update("""
                insert into sta_latest_observation (datastream_id, observation_id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json)
                select datastream_id, id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json
                from sta_observation where datastream_id = ? and not sta_flagged(result_quality)
                order by phenomenon_time_start desc, id desc limit 1""", datastreamId);
    }

    /** Moves each datastream's latest value to the batch's newest reading of it, when that is newer. */
    private void keepLatest(List<NewObservation> batch, List<Long> ids) {
        Map<Long, Integer> newest = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            // ON CONFLICT may touch a row once per statement, so the batch sends one reading per datastream.
            newest.merge(batch.get(i).datastreamId(), i, (a, b) -> newer(batch.get(b), ids.get(b), batch.get(a), ids.get(a)) ? b : a);
        }
        List<Object[]> rows = newest.values().stream().map(i -> {
            NewObservation observation = batch.get(i);
            JsonNode result = observation.result();
            return new Object[] {observation.datastreamId(), ids.get(i), timestamp(observation.phenomenonTime().start()),
                    timestamp(observation.phenomenonTime().end()), timestamp(observation.resultTime()),
                    result.isNumber() ? result.doubleValue() : null, result.isNumber() ? null : result.toString()};
        }).toList();
        jdbc.batchUpdate("""
                insert into sta_latest_observation (datastream_id, observation_id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (datastream_id) do update set observation_id = excluded.observation_id,
                    phenomenon_time_start = excluded.phenomenon_time_start, phenomenon_time_end = excluded.phenomenon_time_end,
                    result_time = excluded.result_time, result_number = excluded.result_number, result_json = excluded.result_json
                where (excluded.phenomenon_time_start, excluded.observation_id)
                      > (sta_latest_observation.phenomenon_time_start, sta_latest_observation.observation_id)""", rows);
    }

    private static boolean newer(NewObservation a, long idA, NewObservation b, long idB) {
        int byTime = a.phenomenonTime().start().compareTo(b.phenomenonTime().start());
        return byTime > 0 || (byTime == 0 && idA > idB);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return ObservationRows.timestamp(instant);
    }
}
