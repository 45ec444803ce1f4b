package org.chizu.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh migrated database with gis-core, the sensors and forestry modules (with the platform's live events) and
 * the sample town's loader on it, wired as the application wires them, and the layer changes this
 * process heard collected.
 */
final class SampleTownDatabase implements AutoCloseable {

    final JdbcTemplate jdbc;
    final SampleTownLoader loader;
    final List<LayerDataChanged> heardChanges;
    final ConfigurableApplicationContext context;

    SampleTownDatabase() {
        TestDatabase database = TestDatabase.migrated();
        this.context = new SpringApplicationBuilder(SampleTownOnGisCore.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password(),
                        "chizu.laser.archive-directory=" + laserArchive())
                .run();
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.loader = context.getBean(SampleTownLoader.class);
        this.heardChanges = context.getBean(HeardChanges.class).changes;
    }

    private static java.nio.file.Path laserArchive() {
        try {
            return java.nio.file.Files.createTempDirectory("sample-laser-archive");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    // forestry's laser archive and products, not its web and access parts (those need the accounts module)
    @ComponentScan({"org.chizu.gis", "org.chizu.sensors", "org.chizu.forestry.laser", "org.chizu.forestry.products",
            "org.chizu.forestry.trees", "org.chizu.sample", "org.chizu.platform.audit",
            "org.chizu.platform.mail"})
    @ConfigurationPropertiesScan({"org.chizu.gis", "org.chizu.sensors", "org.chizu.forestry"})
    // Alert e-mails link to the site.
    @Import(PublicBaseUrl.class)
    static class SampleTownOnGisCore {

        /** Publishing live events, without the stream that serves them. */
        @Configuration
        @ComponentScan(basePackages = "org.chizu.platform.events", useDefaultFilters = false,
                includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.events\\.(LiveEvents|EventLog)"))
        static class LiveEventsOnly {
        }

        /** Nobody asks over HTTP here: the public. */
        @Bean
        RequestAudience audience() {
            return () -> Audience.PUBLIC;
        }

        @Bean
        HeardChanges heardChanges() {
            return new HeardChanges();
        }
    }

    static final class HeardChanges {

        final List<LayerDataChanged> changes = new CopyOnWriteArrayList<>();

        @EventListener
        void on(LayerDataChanged change) {
            changes.add(change);
        }
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
