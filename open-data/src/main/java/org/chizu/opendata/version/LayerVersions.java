package org.chizu.opendata.version;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.VersionSpan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The versions of each layer's data, read from {@code feature_history}.
 *
 * <p>Design: a trigger on each layer table ({@link FeatureHistoryTriggers}) keeps every state of every
 * feature with the time span it was valid in, stamped with its transaction's time. So a version
 * is a transaction that changed the layer (all its changes share one time), "the layer at T" is
 * the states valid at T, and a change since V is any state that began or ended after V. Nothing
 * here knows a particular layer: a new layer table gets versions by attaching the same trigger.
 * Superseded states older than the retention period are pruned ({@link HistoryPruning}); a
 * version older than that can no longer be reconstructed and is refused.
 */
@Service
public class LayerVersions {

    private static final String VERSIONS_SQL = """
            select t from (
                select valid_from as t from feature_history where layer_table = ?
                union
                select valid_to from feature_history where layer_table = ? and valid_to is not null
            ) times
            where t >= ?
            order by t desc
            """;

    private static final String CURRENT_SQL = """
            select greatest((select max(valid_from) from feature_history where layer_table = ?),
                            (select max(valid_to) from feature_history where layer_table = ?))
            """;

    /** {@link #current} and the oldest of {@link #list} for many tables at once. */
    private static final String SPANS_SQL = """
            select layer_table,
                   least(min(valid_from) filter (where valid_from >= ?), min(valid_to) filter (where valid_to >= ?)),
                   greatest(max(valid_from), max(valid_to))
              from feature_history
             where layer_table = any(?)
             group by layer_table
            """;

    private static final String CHANGES_SQL = """
            with touched as (
                select distinct feature_id from feature_history
                 where layer_table = ? and (valid_from > ? or valid_to > ?)
            ), then_state as (
                select feature_id, properties from feature_history
                 where layer_table = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
            ), now_state as (
                select feature_id, properties from feature_history
                 where layer_table = ? and valid_to is null
            )
            select t.feature_id,
                   case when th.feature_id is null then 'ADDED' when n.feature_id is null then 'REMOVED' else 'CHANGED' end as change,
                   coalesce(n.properties, th.properties)::text as properties
              from touched t
              left join then_state th on th.feature_id = t.feature_id
              left join now_state n on n.feature_id = t.feature_id
             where th.feature_id is not null or n.feature_id is not null
             order by t.feature_id
            """;

    private final JdbcTemplate jdbc;
    private final OpenDataProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public LayerVersions(JdbcTemplate jdbc, OpenDataProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The version in force now, or empty when the layer has never had data (or keeps no history). */
    public Optional<LayerVersion> current(Layer layer) {
        Timestamp time = jdbc.queryForObject(CURRENT_SQL, Timestamp.class, layer.table(), layer.table());
        return Optional.ofNullable(time).map(t -> new LayerVersion(t.toInstant()));
    }

    /** The versions still downloadable, newest first. */
    public List<LayerVersion> list(Layer layer) {
        return jdbc.query(VERSIONS_SQL, (row, n) -> new LayerVersion(row.getTimestamp(1).toInstant()),
                layer.table(), layer.table(), Timestamp.from(oldestRetained()));
    }

    /**
     * The span of versions of many layers in one query, by layer id; a layer that never had data
     * (or keeps no history) is missing from the map. The oldest is the oldest of {@link #list},
     * or the current version when the layer has not changed within the retention period.
     */
    public Map<String, VersionSpan> spans(Collection<Layer> layers) {
        Map<String, VersionSpan> byTable = new HashMap<>();
        Timestamp retained = Timestamp.from(oldestRetained());
        jdbc.query(SPANS_SQL, rs -> {
            LayerVersion current = new LayerVersion(rs.getTimestamp(3).toInstant());
            Timestamp oldest = rs.getTimestamp(2);
            LayerVersion first = oldest == null ? current : new LayerVersion(oldest.toInstant());
            byTable.put(rs.getString(1), new VersionSpan(first.time(), current.time()));
        }, retained, retained, layers.stream().map(Layer::table).distinct().toArray(String[]::new));
        Map<String, VersionSpan> byLayer = new HashMap<>();
        layers.forEach(layer -> Optional.ofNullable(byTable.get(layer.table())).ifPresent(span -> byLayer.put(layer.id(), span)));
        return byLayer;
    }

    /**
     * The version in force at the given time.
     *
     * @throws VersionGoneException when that time is older than the retention period
     */
    public LayerVersion inForceAt(Layer layer, LayerVersion requested) {
        if (requested.time().isBefore(oldestRetained())) {
            throw new VersionGoneException(layer.id(), requested, properties.retention());
        }
        Timestamp time = jdbc.queryForObject("""
                select greatest((select max(valid_from) from feature_history where layer_table = ? and valid_from <= ?),
                                (select max(valid_to) from feature_history where layer_table = ? and valid_to <= ?))
                """, Timestamp.class, layer.table(), Timestamp.from(requested.time()), layer.table(), Timestamp.from(requested.time()));
        return time == null ? requested : new LayerVersion(time.toInstant());
    }

    /**
     * The features added, changed or removed since a version, by id, with their properties
     * (registry attributes only).
     *
     * @throws VersionGoneException when the version is older than the retention period
     */
    public List<FeatureChange> changesSince(Layer layer, LayerVersion since) {
        if (since.time().isBefore(oldestRetained())) {
            throw new VersionGoneException(layer.id(), since, properties.retention());
        }
        Timestamp at = Timestamp.from(since.time());
        return jdbc.query(CHANGES_SQL, (row, n) -> new FeatureChange(row.getLong(1),
                        FeatureChange.Kind.valueOf(row.getString(2)), published(layer, row.getString(3))),
                layer.table(), at, at, layer.table(), at, at, layer.table());
    }

    /** The earliest time whose data can still be reconstructed. */
    public Instant oldestRetained() {
        return Instant.now().atZone(ZoneOffset.UTC).minus(properties.retention()).toInstant();
    }

    private Map<String, Object> published(Layer layer, String propertiesJson) {
        try {
            Map<?, ?> all = json.readValue(propertiesJson, Map.class);
            Map<String, Object> published = new LinkedHashMap<>();
            for (Attribute attribute : layer.attributes()) {
                published.put(attribute.name(), all.get(attribute.name()));
            }
            return published;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feature_history holds unreadable properties", e);
        }
    }
}
