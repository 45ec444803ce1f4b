package org.chizu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.LayerSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample town on a machine without the shared data folder: everything is generated. */
class SampleTownWithoutSharedDataTest {

    @TempDir
    static Path emptyFolder;

    private static SampleTownDatabase town;
    private static LoadReport report;

    @BeforeAll
    static void loadTheSampleTown() {
        town = new SampleTownDatabase(emptyFolder);
        report = town.loader.load();
    }

    @Test
    void generatesTheWholeTownAndSaysSo() {
        assertThat(report.loaded()).isTrue();
        assertThat(report.realData()).isFalse();
        assertThat(report.features()).containsOnlyKeys("municipalities", "facilities", "roads", "forests", "water_pipes", "hazard_zones");
        assertThat(report.features().values()).allMatch(count -> count > 0);
    }

    @Test
    void approximatesMasudaAndYasugiWhereTheyReallyAre() {
        assertThat(town.jdbc.queryForList("""
                select code || ' ' || name_ja || ' ' || name_en from municipalities
                where st_contains(geom, st_setsrid(st_point(?, ?), 6668)) or st_contains(geom, st_setsrid(st_point(?, ?), 6668))
                order by code""", String.class, 131.842, 34.676, 133.252, 35.431))
                .containsExactly("32204 益田市 Masuda", "32206 安来市 Yasugi");
    }

    @Test
    void everyLayerIsMarkedSample() {
        LayerSources sources = new LayerSources(town.jdbc);
        for (String layer : List.of("municipalities", "facilities", "roads", "forests", "water_pipes", "hazard_zones")) {
            assertThat(sources.of(layer)).as(layer).singleElement().extracting(DataSource::sample).isEqualTo(true);
        }
    }

    @Test
    void generatedSheltersAndEveryOtherFeatureLieWithinTheTowns() {
        for (String table : List.of("facilities", "roads", "forests", "water_pipes", "hazard_zones")) {
            assertThat(town.outsideTheTowns(table)).as(table).isZero();
            assertThat(town.invalidGeometries(table)).as(table).isZero();
        }
    }

    @Test
    void someGeneratedSheltersLieInLandslideZones() {
        assertThat(town.jdbc.queryForObject("""
                select count(*) from facilities f
                where exists (select 1 from hazard_zones h where h.kind = 'landslide_warning' and st_covers(h.geom, f.geom))""",
                Long.class)).isPositive();
    }
}
