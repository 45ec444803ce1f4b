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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of readings of one kind of stream (Datastreams or MultiDatastreams) into
 * {@code sta_observation}, the part that both append alike: partitions made ahead, features of
 * interest resolved, one COPY, and the streams' extents widened. Runs in its caller's transaction.
 */
@Component
class ObservationRows {

    private final JdbcTemplate jdbc;
    private final ObservationPartitions partitions;

    ObservationRows(JdbcTemplate jdbc, ObservationPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    /** The ids of the stored readings and the features of interest they were stored with, both in the batch's order. */
    record Stored(List<Long> ids, List<Long> features) {
    }

    /**
     * Stores the readings, all of {@code stream}.
     *
     * @throws SensorsProblem 400 naming the first stream or feature of interest that does not exist,
     *                        or a stream whose Thing has no Location to observe at
     */
    Stored append(ObservationStream stream, List<? extends Reading> batch) {
        partitions.prepare(batch.stream().map(reading -> YearMonth.from(reading.phenomenonTime().start().atOffset(ZoneOffset.UTC)))
                .collect(Collectors.toSet()));
        Map<Long, Long> featureOfStream = featuresOfThingLocations(stream, batch);
        requireFeatures(batch);
        List<Long> ids = insert(stream, batch, featureOfStream);
        widen(stream, batch, featureOfStream);
        return new Stored(ids, batch.stream().map(reading -> featureOf(reading, featureOfStream)).toList());
    }

    /** The feature of interest the reading is stored with: its own, or the one of its Thing's Location. */
    private static long featureOf(Reading reading, Map<Long, Long> featureOfStream) {
        return reading.featureOfInterestId() != null ? reading.featureOfInterestId() : featureOfStream.get(reading.streamId());
    }

    /**
     * The feature of interest of each stream in the batch whose readings name none: the one of its
     * Thing's current Location (the one it moved to last), made from that location when it has none yet.
     */
    private Map<Long, Long> featuresOfThingLocations(ObservationStream stream, List<? extends Reading> batch) {
        Set<Long> streams = batch.stream().map(Reading::streamId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> needingFeature = batch.stream().filter(reading -> reading.featureOfInterestId() == null)
                .map(Reading::streamId).collect(Collectors.toSet());
        Map<Long, Long[]> found = new HashMap<>();
        // The table is one of two the enum names, never the client's text.
        ids(streams, array -> jdbc.query("""
                select d.id, l.id, l.feature_of_interest_id
                from %s d
                left join lateral (select location.id, location.feature_of_interest_id from sta_thing_location link
                                   join sta_location location on location.id = link.location_id
                                   left join lateral (select max(history.id) as latest from sta_historical_location_location seen
                                                      join sta_historical_location history on history.id = seen.historical_location_id
                                                      where seen.location_id = location.id and history.thing_id = link.thing_id) moved on true
                                   where link.thing_id = d.thing_id order by moved.latest desc nulls last, location.id desc limit 1) l on true
                where d.id = any(?)""".formatted(stream.table()), (row, n) -> found.put(row.getLong(1),
                        new Long[] {(Long) row.getObject(2), (Long) row.getObject(3)}), array));
        Map<Long, Long> features = new HashMap<>();
        for (long id : streams) {
            Long[] location = found.get(id);
            if (location == null) {
                throw SensorsProblem.badRequest(stream.address(id) + " does not exist.", member(stream, id));
            }
            if (!needingFeature.contains(id)) {
                continue;
            }
            if (location[0] == null) {
                throw SensorsProblem.badRequest("The observation of " + stream.address(id) + " names no FeatureOfInterest, "
                        + "and its Thing has no Location to take one from.", member(stream, id));
            }
            features.put(id, location[1] != null ? location[1] : featureFromLocation(location[0]));
        }
        return features;
    }

    /** The problem's member naming the stream: {@code "datastream": 5} or {@code "multiDatastream": 5}. */
    private static Map<String, Object> member(ObservationStream stream, long id) {
        return Map.of(stream == ObservationStream.DATASTREAM ? "datastream" : "multiDatastream", id);
    }

    private long featureFromLocation(long locationId) {
        return jdbc.queryForObject("""
                with feature as (
                    insert into sta_feature_of_interest (name, description, encoding_type, feature, properties)
                    select name, description, encoding_type, location, properties from sta_location where id = ? returning id)
                update sta_location set feature_of_interest_id = (select id from feature) where id = ? returning feature_of_interest_id""",
                Long.class, locationId, locationId);
    }

    private void requireFeatures(List<? extends Reading> batch) {
        Set<Long> named = batch.stream().map(Reading::featureOfInterestId).filter(id -> id != null).collect(Collectors.toSet());
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
     * sequence in one query (COPY returns none). A numeric result goes to result_number, any other to result_json.
     */
    private List<Long> insert(ObservationStream stream, List<? extends Reading> batch, Map<Long, Long> featureOfStream) {
        List<Long> ids = jdbc.queryForList("select nextval('sta_observation_id_seq') from generate_series(1, ?)", Long.class, batch.size());
        StringBuilder rows = new StringBuilder(batch.size() * 80);
        for (int i = 0; i < batch.size(); i++) {
            Reading reading = batch.get(i);
            JsonNode result = reading.result();
            CopyText.row(rows, ids.get(i), reading.streamId(), reading.phenomenonTime().start(), reading.phenomenonTime().end(),
                    reading.resultTime(), result.isNumber() ? result.doubleValue() : null, result.isNumber() ? null : result.toString(),
                    text(reading.resultQuality()), reading.validTime() == null ? null : reading.validTime().start(),
                    reading.validTime() == null ? null : reading.validTime().end(), text(reading.parameters()),
                    featureOf(reading, featureOfStream));
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy sta_observation (id, %s, phenomenon_time_start, phenomenon_time_end, result_time, result_number, result_json,
                                              result_quality, valid_time_start, valid_time_end, parameters, feature_of_interest_id) from stdin"""
                                .formatted(stream.observationColumn()), new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("a batch in memory always reads", e);
            }
        });
        return ids;
    }

    /** Widens each stream's phenomenon and result time to the batch's, and its observed area to the batch's features. */
    private void widen(ObservationStream stream, List<? extends Reading> batch, Map<Long, Long> featureOfStream) {
        Map<Long, List<Reading>> byStream = batch.stream().collect(Collectors.groupingBy(Reading::streamId));
        List<Object[]> rows = byStream.entrySet().stream().map(entry -> {
            List<Reading> readings = entry.getValue();
            Instant firstPhenomenon = readings.stream().map(o -> o.phenomenonTime().start()).min(Instant::compareTo).orElseThrow();
            Instant lastPhenomenon = readings.stream().map(o -> o.phenomenonTime().last()).max(Instant::compareTo).orElseThrow();
            Instant firstResult = readings.stream().map(Reading::resultTime).filter(t -> t != null).min(Instant::compareTo).orElse(null);
            Instant lastResult = readings.stream().map(Reading::resultTime).filter(t -> t != null).max(Instant::compareTo).orElse(null);
            Long[] features = readings.stream().map(o -> featureOf(o, featureOfStream)).distinct().toArray(Long[]::new);
            return new Object[] {timestamp(firstPhenomenon), timestamp(lastPhenomenon), timestamp(firstResult), timestamp(lastResult),
                    features, entry.getKey()};
        }).toList();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update %s d set
                        phenomenon_time_start = least(d.phenomenon_time_start, ?), phenomenon_time_end = greatest(d.phenomenon_time_end, ?),
                        result_time_start = least(d.result_time_start, ?), result_time_end = greatest(d.result_time_end, ?),
                        observed_area = coalesce((select st_convexhull(st_collect(array_append(array_agg(f.feature), d.observed_area)))
                                                  from sta_feature_of_interest f where f.id = any(?)), d.observed_area)
                    where d.id = ?""".formatted(stream.table()))) {
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

    <T> T ids(Collection<Long> ids, Function<Array, T> query) {
        return jdbc.execute((ConnectionCallback<T>) connection -> query.apply(connection.createArrayOf("int8", ids.toArray(Long[]::new))));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String text(JsonNode json) {
        return json == null ? null : json.toString();
    }
}
