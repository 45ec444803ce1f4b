package org.chizu.gis.layer.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A layer an admin declares in one process is served by every process on the database, and so is its removal. */
class LayerDeclarationsAcrossProcessesTest {

    @Test
    void aLayerStoredInOneProcessAppearsInTheOtherAndGoesWhenRemoved() {
        TestDatabase database = TestDatabase.migrated();
        new JdbcTemplate(database.dataSource()).execute("""
                create table kiosks (id bigint primary key, geom geometry(Point, 6668),
                    geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored)""");
        try (ChizuProcess first = new ChizuProcess(database); ChizuProcess second = new ChizuProcess(database)) {
            first.registry().store("""
                    id: kiosks
                    title: {ja: 売店, en: Kiosks}
                    table: kiosks
                    geometry: {column: geom, kind: Point, srid: 6668}
                    access: public
                    licence: {id: CC-BY-4.0, title: {ja: CC BY 4.0}, url: https://creativecommons.org/licenses/by/4.0/}
                    """, "test");
            assertThat(first.registry().find("kiosks")).isPresent();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.registry().find("kiosks").isPresent());

            first.registry().remove("kiosks");
            await().atMost(Duration.ofSeconds(10)).until(() -> second.registry().find("kiosks").isEmpty());
        }
    }
}
