package org.chizu.sensors;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.chizu.sensors.internal.StoredValues;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
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
    private final ObservationPartitions partitions;
    private final ApplicationEventPublisher events;

    Observations(JdbcTemplate jdbc, ObservationPartitions partitions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.partitions = partitions;
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
        partitions.prepare(batch.stream().map(observation -> YearMonth.from(observation.phenomenonTime().start().atOffset(ZoneOffset.UTC)))
                .collect(Collectors.toSet()));
        Map<Long, Long> featureOfDatastream = featuresOfThingLocations(batch);
        requireFeatures(batch);
        List<Long> ids = insert(batch, featureOfDatastream);
        keepLatest(batch, ids);
        widenDatastreams(batch, featureOfDatastream);
        List<ObservationsAppended.Stored> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewObservation observation = batch.get(i);
            stored.add(new ObservationsAppended.Stored(ids.get(i), featureOf(observation, featureOfDatastream), observation));
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
        return ids(datastreamIds, array -> jdbc.query("""
                select datastream_id, observation_id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json::text
                from sta_latest_observation where datastream_id = any(?)""", (row, n) -> new LatestObservation(row.getLong(1), row.getLong(2),
                        new TimeInterval(StoredValues.instant(row, 3), StoredValues.instant(row, 4)), StoredValues.instant(row, 5), StoredValues.result(row, 6, 7)), array))
                .stream().collect(Collectors.toMap(LatestObservation::datastreamId, Function.identity()));
    }

    /** Deletes one observation (its datastream's latest value falls back to the one before); false when there was none. */
    @Transactional
    public boolean delete(long observationId) {
        List<Long> datastreams = jdbc.queryForList("delete from sta_observation where id = ? returning datastream_id", Long.class, observationId);
        datastreams.forEach(this::refreshLatest);
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

    /**
     * The feature of interest of each datastream in the batch whose observations name none: the one
     * of its Thing's current Location (the one it moved to last), made from that location when it has
     * none yet.
     */
    private Map<Long, Long> featuresOfThingLocations(List<NewObservation> batch) {
        Set<Long> datastreams = batch.stream().map(NewObservation::datastreamId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> needingFeature = batch.stream().filter(observation -> observation.featureOfInterestId() == null)
                .map(NewObservation::datastreamId).collect(Collectors.toSet());
        Map<Long, Long[]> found = new HashMap<>();
        ids(datastreams, array -> jdbc.query("""
                select d.id, l.id, l.feature_of_interest_id
                from sta_datastream d
                left join lateral (select location.id, location.feature_of_interest_id from sta_thing_location link
                                   join sta_location location on location.id = link.location_id
                                   left join lateral (select max(history.id) as latest from sta_historical_location_location seen
                                                      join sta_historical_location history on history.id = seen.historical_location_id
                                                      where seen.location_id = location.id and history.thing_id = link.thing_id) moved on true
                                   where link.thing_id = d.thing_id order by moved.latest desc nulls last, location.id desc limit 1) l on true
                where d.id = any(?)""", (row, n) -> found.put(row.getLong(1),
                        new Long[] {(Long) row.getObject(2), (Long) row.getObject(3)}), array));
        Map<Long, Long> features = new HashMap<>();
        for (long datastream : datastreams) {
            Long[] location = found.get(datastream);
            if (location == null) {
                throw SensorsProblem.badRequest("Datastreams(" + datastream + ") does not exist.", Map.of("datastream", datastream));
            }
            if (!needingFeature.contains(datastream)) {
                continue;
            }
            if (location[0] == null) {
                throw SensorsProblem.badRequest("The observation of Datastreams(" + datastream + ") names no FeatureOfInterest, "
                        + "and the datastream's Thing has no Location to take one from.", Map.of("datastream", datastream));
            }
            features.put(datastream, location[1] != null ? location[1] : featureFromLocation(location[0]));
        }
        return features;
    }

    private long featureFromLocation(long locationId) {
        long feature = jdbc.queryForObject("""
                with feature as (
                    insert into sta_feature_of_interest (name, description, encoding_type, feature, properties)
                    select name, description, encoding_type, location, properties from sta_location where id = ? returning id)
                update sta_location set feature_of_interest_id = (select id from feature) where id = ? returning feature_of_interest_id""",
                Long.class, locationId, locationId);
        events.publishEvent(new FeatureOfInterestMade(feature));
        return feature;
    }

    private void requireFeatures(List<NewObservation> batch) {
        Set<Long> named = batch.stream().map(NewObservation::featureOfInterestId).filter(id -> id != null).collect(Collectors.toSet());
        if (named.isEmpty()) {
            return;
        }
        Set<Long> existing = new HashSet<>(ids(named, array -> jdbc.queryForList(
                "select id from sta_feature_of_interest where id = any(?)", Long.class, array)));
        named.stream().filter(id -> !existing.contains(id)).findFirst().ifPresent(id -> {
            throw SensorsProblem.badRequest("FeaturesOfInterest(" + id + ") does not exist.", Map.of("featureOfInterest", id));
        });
    }

    /**
     * Inserts the batch with PostgreSQL's COPY, the fastest way in, after taking its ids from the
     * sequence in one query (COPY returns none).
     */
    private List<Long> insert(List<NewObservation> batch, Map<Long, Long> featureOfDatastream) {
        List<Long> ids = jdbc.queryForList("select nextval('sta_observation_id_seq') from generate_series(1, ?)", Long.class, batch.size());
        StringBuilder rows = new StringBuilder(batch.size() * 80);
        for (int i = 0; i < batch.size(); i++) {
            NewObservation observation = batch.get(i);
            JsonNode result = observation.result();
            CopyText.row(rows, ids.get(i), observation.datastreamId(), observation.phenomenonTime().start(), observation.phenomenonTime().end(),
                    observation.resultTime(), result.isNumber() ? result.doubleValue() : null, result.isNumber() ? null : result.toString(),
                    text(observation.resultQuality()), observation.validTime() == null ? null : observation.validTime().start(),
                    observation.validTime() == null ? null : observation.validTime().end(), text(observation.parameters()),
                    featureOf(observation, featureOfDatastream));
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy sta_observation (id, datastream_id, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json,
                                              result_quality, valid_time_start, valid_time_end, parameters, feature_of_interest_id) from stdin""",
                        new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("a batch in memory always reads", e);
            }
        });
        return ids;
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

    /** Widens each datastream's phenomenon and result time to the batch's, and its observed area to the batch's features. */
    private void widenDatastreams(List<NewObservation> batch, Map<Long, Long> featureOfDatastream) {
        Map<Long, List<NewObservation>> byDatastream = batch.stream().collect(Collectors.groupingBy(NewObservation::datastreamId));
        List<Object[]> rows = byDatastream.entrySet().stream().map(entry -> {
            List<NewObservation> readings = entry.getValue();
            Instant firstPhenomenon = readings.stream().map(o -> o.phenomenonTime().start()).min(Instant::compareTo).orElseThrow();
            Instant lastPhenomenon = readings.stream().map(o -> o.phenomenonTime().last()).max(Instant::compareTo).orElseThrow();
            Instant firstResult = readings.stream().map(NewObservation::resultTime).filter(t -> t != null).min(Instant::compareTo).orElse(null);
            Instant lastResult = readings.stream().map(NewObservation::resultTime).filter(t -> t != null).max(Instant::compareTo).orElse(null);
            Long[] features = readings.stream().map(o -> featureOf(o, featureOfDatastream)).distinct().toArray(Long[]::new);
            return new Object[] {timestamp(firstPhenomenon), timestamp(lastPhenomenon), timestamp(firstResult), timestamp(lastResult),
                    features, entry.getKey()};
        }).toList();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update sta_datastream d set
                        phenomenon_time_start = least(d.phenomenon_time_start, ?), phenomenon_time_end = greatest(d.phenomenon_time_end, ?),
                        result_time_start = least(d.result_time_start, ?), result_time_end = greatest(d.result_time_end, ?),
                        observed_area = coalesce((select st_convexhull(st_collect(array_append(array_agg(f.feature), d.observed_area)))
                                                  from sta_feature_of_interest f where f.id = any(?)), d.observed_area)
                    where d.id = ?""")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < 4; i++) {
                        update.setObject(i + 1, row[i]);
                    }
                    update.setArray(5, connection.createArrayOf("int8", (Long[]) row[4]));
                    update.setLong(6, (Long) row[5]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    private static long featureOf(NewObservation observation, Map<Long, Long> featureOfDatastream) {
        return observation.featureOfInterestId() != null ? observation.featureOfInterestId() : featureOfDatastream.get(observation.datastreamId());
    }

    private <T> T ids(Collection<Long> ids, Function<Array, T> query) {
        return jdbc.execute((ConnectionCallback<T>) connection -> query.apply(connection.createArrayOf("int8", ids.toArray(Long[]::new))));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String text(JsonNode json) {
        return json == null ? null : json.toString();
    }
}
