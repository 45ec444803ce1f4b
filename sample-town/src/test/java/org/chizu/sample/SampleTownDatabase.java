package org.chizu.sample;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chizu.gis.layer.LayerSources;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A fresh migrated database with a sample town loader wired to it, as the application wires it. */
final class SampleTownDatabase {

    final JdbcTemplate jdbc;
    final SampleTownLoader loader;
    final List<Object> publishedEvents = new ArrayList<>();

    SampleTownDatabase() {
        // One DataSource for both, so that the loader's statements join the transaction.
        DataSource dataSource = TestDatabase.migrated().dataSource();
        this.jdbc = new JdbcTemplate(dataSource);
        this.loader = new SampleTownLoader(jdbc, new DataSourceTransactionManager(dataSource),
                new LayerSources(jdbc), new LayerChanges(jdbc, publishedEvents::add, true));
    }

    /** Rows of a table that no municipality of the sample towns covers (1 cm of tolerance for clipping). */
    long outsideTheTowns(String table) {
        return jdbc.queryForObject("""
                select count(*) from %s f
                where not exists (select 1 from municipalities m
                                  where m.code in ('32204', '32206') and st_covers(st_buffer(m.geom, 1e-7), f.geom))"""
                .formatted(table), Long.class);
    }

    long invalidGeometries(String table) {
        return jdbc.queryForObject("select count(*) from %s where not st_isvalid(geom) or st_isempty(geom)".formatted(table), Long.class);
    }

    /** A fingerprint of a table's content: every column but the timestamps, and the exact geometry. */
    String fingerprint(String table, String order) {
        return jdbc.queryForObject("""
                select md5(string_agg((to_jsonb(t) - 'updated_at' - 'geom_3857' - 'geom')::text
                                      || encode(st_asewkb(t.geom), 'hex'), '|' order by %s))
                from %s t""".formatted(order, table), String.class);
    }
}
