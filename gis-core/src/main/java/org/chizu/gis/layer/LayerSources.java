package org.chizu.gis.layer;

import org.chizu.platform.Label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The recorded sources of each layer's data (table {@code layer_source}). */
@Repository
public class LayerSources {

    private final JdbcTemplate jdbc;

    public LayerSources(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String layerId, DataSource source) {
        jdbc.update("""
                insert into layer_source (layer_id, title_ja, title_en, attribution, sample)
                values (?, ?, ?, ?, ?)""",
                layerId, source.title().ja(), source.title().en(), source.attribution(), source.sample());
    }

    public List<DataSource> of(String layerId) {
        return of(List.of(layerId)).getOrDefault(layerId, List.of());
    }

    /** The sources of many layers in one query, by layer id; a layer without recorded sources has none in the map. */
    public Map<String, List<DataSource>> of(Collection<String> layerIds) {
        Map<String, List<DataSource>> sources = new HashMap<>();
        jdbc.query("""
                select layer_id, title_ja, title_en, attribution, sample from layer_source
                where layer_id = any(?) order by id""",
                rs -> {
                    sources.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(
                            new DataSource(new Label(rs.getString(2), rs.getString(3)), rs.getString(4), rs.getBoolean(5)));
                },
                (Object) layerIds.toArray(String[]::new));
        return sources;
    }
}
