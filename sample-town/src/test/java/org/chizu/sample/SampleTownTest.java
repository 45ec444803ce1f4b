package org.chizu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample town, as a fresh clone loads it: the real public data shipped with the module (no
 * folder outside the repository is read) and the generated layers laid out on it.
 */
class SampleTownTest {

    private static final List<String> GENERATED_LAYERS = List.of("roads", "forests", "water_pipes", "hazard_zones");
    private static final List<String> LAYERS = List.of("facilities", "roads", "forests", "water_pipes", "hazard_zones");

    private static SampleTownDatabase town;
    private static LoadReport firstLoad;

    @BeforeAll
    static void loadTheSampleTown() {
        town = new SampleTownDatabase();
        firstLoad = town.loader.load();
    }

    @AfterAll
    static void stop() {
        town.close();
    }

    @Test
    void loadsAllNineteenMunicipalitiesOfShimaneWithEnglishNamesForTheSampleTowns() throws IOException {
        assertThat(featuresIn(PublicDataFile.SHIMANE_BOUNDARIES)).isEqualTo(19);
        assertThat(town.jdbc.queryForObject("select count(*) from municipalities", Long.class)).isEqualTo(19);
        assertThat(town.jdbc.queryForList("select name_ja || ' ' || name_en from municipalities where code in ('32204', '32206') order by code",
                String.class)).containsExactly("益田市 Masuda", "安来市 Yasugi");
    }

    @Test
    void loadsExactlyTheRealSheltersOfMasudaAndYasugi() {
        List<String> counts = town.jdbc.queryForList("""
                select m.name_ja || ' ' || f.kind || ' ' || count(*)
                from facilities f join municipalities m on st_covers(m.geom, f.geom)
                group by m.name_ja, m.code, f.kind order by m.code, f.kind""", String.class);
        assertThat(counts).containsExactly(
                "益田市 designated_shelter 53", "益田市 emergency_evacuation_site 36",
                "安来市 designated_shelter 105", "安来市 emergency_evacuation_site 161");
        assertThat(town.jdbc.queryForMap("""
                select kind, address, for_flood, for_landslide, for_tsunami from facilities where source_id = 'E3220400003201'"""))
                .containsEntry("kind", "emergency_evacuation_site").containsEntry("address", "島根県益田市駅前町231-5")
                .containsEntry("for_flood", false).containsEntry("for_landslide", true).containsEntry("for_tsunami", true);
        assertThat(town.jdbc.queryForList("select name from facilities where kind = 'designated_shelter' and address like '島根県安来市安来町1058%'",
                String.class)).contains("和鋼博物館");
    }

    @Test
    void everyShelterOfEveryShippedFileLiesInItsTown() throws IOException {
        for (Town sample : Town.ALL) {
            assertThat(sheltersInside(sample, "emergency_evacuation_site")).as(sample.emergencySites().resourceName())
                    .isEqualTo(featuresIn(sample.emergencySites()));
            assertThat(sheltersInside(sample, "designated_shelter")).as(sample.shelters().resourceName())
                    .isEqualTo(featuresIn(sample.shelters()));
        }
        assertThat(town.jdbc.queryForObject("select count(*) from facilities", Long.class)).isEqualTo(36 + 53 + 161 + 105);
    }

    @Test
    void fliesALaserSurveyOverAForestOfTheRegisterAndMakesItsProductsAndResources() {
        Map<String, Object> survey = town.jdbc.queryForMap("""
                select s.surveying_body, count(t.*) as tiles, sum(t.point_count) as points,
                       bool_and(ST_Within(t.footprint, (select ST_Union(geom) from municipalities))) as on_land
                from laser_survey s join laser_tile t on t.survey_id = s.id group by s.id""");
        assertThat(survey).containsEntry("surveying_body", SampleLaserSurvey.SURVEYING_BODY).containsEntry("tiles", 4L)
                .containsEntry("on_land", true);
        assertThat(((Number) survey.get("points")).longValue()).as("300 m × 300 m at 8 pulses/m²").isGreaterThan(720_000);
        assertThat(town.jdbc.queryForList("select kind from laser_product order by kind", String.class))
                .containsExactly("chm", "cs-relief", "dem", "dsm", "hillshade", "slope");
        assertThat(town.jdbc.queryForObject("select count(*) from forest_tree_point where species = 'スギ'", Long.class))
                .as("trees in the largest スギ sub-compartment").isGreaterThan(500);
        assertThat(town.jdbc.queryForObject("select count(*) from forest_mesh20m", Long.class))
                .as("the 20 m meshes of the zone's grid the 300 m square touches").isBetween(15L * 15, 16L * 16);
    }

    @Test
    void fillsEveryLayerOfBothTowns() {
        assertThat(firstLoad.loaded()).isTrue();
        for (String code : List.of("32204", "32206")) {
            Map<String, Object> perTown = town.jdbc.queryForMap("""
                    select (select count(*) from roads r where r.geom && m.geom) as roads,
                           (select count(distinct road_class) from roads r where r.geom && m.geom) as road_classes,
                           (select count(*) from forests f where f.geom && m.geom) as forests,
                           (select count(*) from water_pipes w where w.geom && m.geom) as water_pipes,
                           (select count(distinct kind) from hazard_zones h where h.geom && m.geom) as hazard_kinds
                    from municipalities m where m.code = ?""", code);
            assertThat(perTown).as(code).containsEntry("road_classes", 3L).containsEntry("hazard_kinds", 4L);
            assertThat((Long) perTown.get("roads")).as(code + " roads").isBetween(500L, 5000L);
            assertThat((Long) perTown.get("forests")).as(code + " forests").isBetween(100L, 2000L);
            assertThat((Long) perTown.get("water_pipes")).as(code + " water pipes").isBetween(50L, 2000L);
        }
    }

    @Test
    void nationalRoutesRunThroughTheirTownsUnderTheirAdministrators() {
        assertThat(town.jdbc.queryForList("""
                select distinct m.name_ja || ' ' || r.name || ' ' || r.administrator
                from roads r join municipalities m on m.code in ('32204', '32206') and r.geom && m.geom
                where r.road_class = 'national' order by 1""", String.class))
                .containsExactly("安来市 国道432号 島根県 松江県土整備事務所", "安来市 国道9号 国土交通省 中国地方整備局 松江国道事務所",
                        "益田市 国道191号 島根県 益田県土整備事務所", "益田市 国道9号 国土交通省 中国地方整備局 浜田河川国道事務所");
        assertThat(town.jdbc.queryForObject("""
                select max(st_length(geom::geography)) from roads""", Double.class))
                .isLessThanOrEqualTo(RoadNetworkGenerator.SEGMENT_METRES * 1.25);
    }

    @Test
    void everyGeneratedFeatureLiesWithinMasudaOrYasugi() {
        for (String table : GENERATED_LAYERS) {
            assertThat(town.outsideTheTowns(table)).as(table).isZero();
        }
    }

    @Test
    void everyGeometryIsValid() {
        for (String table : List.of("municipalities", "facilities", "roads", "forests", "water_pipes", "hazard_zones")) {
            assertThat(town.invalidGeometries(table)).as(table).isZero();
        }
    }

    @Test
    void forestsKeepClearOfTheShelters() {
        assertThat(town.jdbc.queryForObject("""
                select count(*) from forests f join facilities s on st_dwithin(f.geom::geography, s.geom::geography, ?)""",
                // A buffer is a polygon of 32 sides, up to 2 % inside the true circle.
                Long.class, ForestGenerator.SHELTER_CLEARING_METRES * 0.98)).isZero();
        assertThat(town.jdbc.queryForObject("""
                select count(*) from forests where abs(area_ha - st_area(geom::geography) / 10000) > 0.01""", Long.class)).isZero();
    }

    @Test
    void waterMainsRunUnderTheRoadsTrunkMainsUnderThePrefecturalRoads() {
        List<String> mains = town.jdbc.queryForList("""
                select coalesce(r.road_class, 'no road') || ' ' || min(w.diameter_mm) || '-' || max(w.diameter_mm)
                from water_pipes w left join roads r on r.geom && w.geom and st_equals(r.geom, w.geom)
                group by r.road_class order by 1""", String.class);
        assertThat(mains).containsExactly("municipal 50-150", "prefectural 150-300");
    }

    @Test
    void someRealSheltersLieInLandslideZonesAndMostDoNot() {
        Map<String, Object> shelters = town.jdbc.queryForMap("""
                select count(*) filter (where inside) as inside, count(*) filter (where not inside) as outside,
                       count(*) filter (where inside_special) as inside_special,
                       count(*) filter (where inside and name like '%土砂災害注意%') as warned_inside
                from (select f.name,
                             exists (select 1 from hazard_zones h where h.kind = 'landslide_warning' and st_covers(h.geom, f.geom)) as inside,
                             exists (select 1 from hazard_zones h where h.kind = 'landslide_special_warning' and st_covers(h.geom, f.geom)) as inside_special
                      from facilities f) s""");
        assertThat((Long) shelters.get("inside")).isGreaterThan(10L);
        assertThat((Long) shelters.get("outside")).isGreaterThan((Long) shelters.get("inside"));
        assertThat((Long) shelters.get("warned_inside")).isGreaterThan(0L);
        assertThat(town.jdbc.queryForObject("""
                select count(*) from hazard_zones s
                where s.kind = 'landslide_special_warning'
                  and not exists (select 1 from hazard_zones w where w.kind = 'landslide_warning' and st_covers(st_buffer(w.geom, 1e-7), s.geom))""",
                Long.class)).as("special warning zones outside every warning zone").isZero();
    }

    @Test
    void generatedLayersAreMarkedSampleAndEveryLayerCarriesTheAttributionOfItsRealData() {
        LayerSources sources = new LayerSources(town.jdbc);
        assertThat(sources.of("facilities")).singleElement().satisfies(source -> {
            assertThat(source.sample()).isFalse();
            assertThat(source.attribution()).isEqualTo("出典：国土地理院「指定緊急避難場所・指定避難所データ」");
        });
        assertThat(sources.of("municipalities")).singleElement()
                .extracting(DataSource::attribution).isEqualTo("出典：国土交通省「国土数値情報（行政区域データ）」を加工して作成");
        for (String layer : GENERATED_LAYERS) {
            // Laid out on the real boundaries, so credited with them too.
            assertThat(sources.of(layer)).as(layer).singleElement().satisfies(source -> {
                assertThat(source.sample()).isTrue();
                assertThat(source.attribution()).isEqualTo("出典：国土交通省「国土数値情報（行政区域データ）」を加工して作成");
            });
        }
    }

    @Test
    void tellsTheCachesWhereEveryLayerChanged() {
        // Each shelter list's import announces where its shelters lie; the generated layers change whole.
        assertThat(town.heardChanges).filteredOn(change -> change.layerId().equals("facilities"))
                .hasSize(4).allSatisfy(change -> assertThat(change.bounds()).isNotNull());
        assertThat(town.heardChanges).filteredOn(change -> !change.layerId().equals("facilities"))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(GENERATED_LAYERS.stream(), Stream.of("tree_points", "resource_mesh"))
                        .map(LayerDataChanged::wholeLayer).toList());
    }

    @Test
    void loadingAgainReusesTheTownWithoutDuplicates() {
        LoadReport again = town.loader.load();
        assertThat(again.loaded()).isFalse();
        assertThat(again.features()).isEqualTo(firstLoad.features());
        assertThat(new LayerSources(town.jdbc).of("roads")).hasSize(1);
    }

    @Test
    void loadsTheSameTownIntoEveryDatabase() {
        try (SampleTownDatabase other = new SampleTownDatabase()) {
            other.loader.load();
            assertThat(other.fingerprint("municipalities", "code")).isEqualTo(town.fingerprint("municipalities", "code"));
            for (String table : LAYERS) {
                assertThat(other.fingerprint(table, "id")).as(table).isEqualTo(town.fingerprint(table, "id"));
            }
        }
    }

    private static long sheltersInside(Town of, String kind) {
        return town.jdbc.queryForObject("""
                select count(*) from facilities f join municipalities m on m.code = ? and st_covers(m.geom, f.geom)
                where f.kind = ?""", Long.class, of.code(), kind);
    }

    private static int featuresIn(PublicDataFile file) throws IOException {
        try (InputStream in = file.open()) {
            return new ObjectMapper().readTree(in).get("features").size();
        }
    }
}
