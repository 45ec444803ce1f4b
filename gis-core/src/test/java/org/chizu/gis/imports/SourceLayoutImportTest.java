package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files in the national layouts (GSI's shelter lists, 国土数値情報 A33 and A31a) import as they are
 * published, recognised from their columns; nothing is dropped without saying so.
 */
class SourceLayoutImportTest {

    /** The GSI emergency site list's hazard columns and the attributes they fill. */
    private static final Map<String, String> HAZARD_FLAGS = Map.of(
            "洪水", "for_flood", "崖崩れ、土石流及び地滑り", "for_landslide", "高潮", "for_storm_surge", "地震", "for_earthquake",
            "津波", "for_tsunami", "大規模な火事", "for_large_fire", "内水氾濫", "for_inland_flood", "火山現象", "for_volcano");

    static ImportFixture fixture;
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayers() {
        fixture.jdbc.update("delete from facilities");
        fixture.jdbc.update("delete from hazard_zones");
        fixture.published.clear();
    }

    /** The real GSI files of Masuda (322041) and Yasugi (322067): where ./chizu test says, else ../shared/data. */
    /** The real GSI files the project ships for its sample town (read as files: gis-core cannot depend on sample-town). */
    static Path shelterFile(String name) {
        return Path.of("../sample-town/src/main/resources/sample-town/shelters").resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emergency-322041.geojson", "emergency-322067.geojson"})
    void anEmergencySiteListImportsUnmodifiedWithEveryHazardFlagAsInTheFile(String name) throws Exception {
        Path file = shelterFile(name);
        JsonNode features = json.readTree(file.toFile()).path("features");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", name), file);

        assertThat(result.imported()).isEqualTo(features.size());
        assertThat(result.layout().id()).isEqualTo("gsi-emergency-evacuation-sites");
        assertThat(result.layout().detected()).isTrue();
        assertThat(result.warnings()).isEmpty();
        assertThat(fixture.jdbc.queryForObject("select count(*) from facilities where kind = 'emergency_evacuation_site'",
                Integer.class)).isEqualTo(features.size());
        for (Map.Entry<String, String> flag : HAZARD_FLAGS.entrySet()) {
            int designated = 0;
            for (JsonNode feature : features) {
                designated += feature.path("properties").path(flag.getKey()).asText().equals("1") ? 1 : 0;
            }
            List<Integer> stored = fixture.jdbc.queryForObject(
                    "select count(*) filter (where %1$s), count(*) filter (where not %1$s) from facilities".formatted(flag.getValue()),
                    (rs, i) -> List.of(rs.getInt(1), rs.getInt(2)));
            assertThat(stored)
                    .as(flag.getKey())
                    .containsExactly(designated, features.size() - designated);
        }
        JsonNode first = features.get(0).path("properties");
        assertThat(fixture.jdbc.queryForMap("select name, address from facilities where source_id = ?", first.path("共通ID").asText()))
                .containsEntry("name", first.path("施設・場所名").asText())
                .containsEntry("address", first.path("住所").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evacuation-322041.geojson", "evacuation-322067.geojson"})
    void aDesignatedShelterListImportsUnmodifiedAsShelters(String name) throws Exception {
        Path file = shelterFile(name);
        JsonNode features = json.readTree(file.toFile()).path("features");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", name), file);

        assertThat(result.layout().id()).isEqualTo("gsi-designated-shelters");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.ignoredFields()).contains("受入対象者", "備考");
        assertThat(fixture.jdbc.queryForObject("""
                select count(*) from facilities
                where kind = 'designated_shelter' and name is not null and source_id like 'E%' and for_flood is null""",
                Integer.class)).isEqualTo(features.size());
    }

    @Test
    void theGsiCsvInShiftJisImportsWithItsCoordinatesAndFlags() throws Exception {
        // As the GSI site offers it: the GeoJSON's columns less 都道府県名及び市町村名, plus 緯度/経度.
        Path csv = Files.writeString(folder.resolve("32000_2.csv"), """
                NO,共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,高潮,地震,津波,大規模な火事,内水氾濫,火山現象,指定避難所との住所同一,緯度,経度,備考
                83688,E3220400001201,益田中学校　（グラウンド）,島根県益田市栄町14-6,1,1,1,1,1,1,1,1,1,34.67454,131.834324,
                83689,E3220400001202,高津川河川敷,島根県益田市高津町,,,,1,,1,,,,34.680,131.825,
                """, Charset.forName("windows-31j"));

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "32000_2.csv"), csv);

        assertThat(result.encoding()).isEqualTo("Shift_JIS");
        assertThat(result.layout().id()).isEqualTo("gsi-emergency-evacuation-sites");
        assertThat(fixture.jdbc.queryForMap("select kind, for_flood, for_landslide, for_earthquake from facilities where source_id = 'E3220400001202'"))
                .containsEntry("kind", "emergency_evacuation_site").containsEntry("for_flood", false)
                .containsEntry("for_landslide", false).containsEntry("for_earthquake", true);
        assertThat(fixture.metresFromFacility("益田中学校　（グラウンド）", 131.834324, 34.67454)).isLessThan(0.01);
    }

    @Test
    void theGsiShelterCsvInUtf8Imports() throws Exception {
        Path csv = Files.writeString(folder.resolve("32000_1.csv"), """
                NO,共通ID,施設・場所名,住所,指定緊急避難場所との住所同一,その他市町村長が必要と認める事項,受入対象者,緯度,経度,備考
                59276,E3220400001111,益田中学校（体育館）,島根県益田市栄町14-6,1,,,34.674381,131.833378,
                """);

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "32000_1.csv"), csv);

        assertThat(result.layout().id()).isEqualTo("gsi-designated-shelters");
        assertThat(fixture.jdbc.queryForObject("select kind from facilities where source_id = 'E3220400001111'", String.class))
                .isEqualTo("designated_shelter");
    }

    @Test
    void landslideWarningZonesOfA33LandAsWarningAndSpecialWarningZones() throws Exception {
        ImportResult result = fixture.importResource(ImportRequest.of("hazard_zones", "a33-landslide-warning-zones.geojson"));

        assertThat(result.layout().id()).isEqualTo("ksj-a33-landslide-warning-zones");
        assertThat(fixture.jdbc.queryForList("select kind || ' ' || name || ' ' || designated_on from hazard_zones ",
                String.class)).containsExactlyInAnyOrder(
                "landslide_warning 安来市広瀬町地すべり1 2019-12-20",
                "landslide_warning 益田市乙吉町1地区 2015-03-31",
                "landslide_special_warning 益田市乙吉町1地区 2015-03-31",
                "landslide_warning 高津川支流1 2016-09-09");
        assertThat(fixture.jdbc.queryForObject("select count(distinct source) from hazard_zones where source like '%A33%'", Integer.class))
                .isOne();
    }

    @Test
    void floodZonesOfA31aLandInTheLayersDepthBandsWithTheRiverAsName() throws Exception {
        ImportResult result = fixture.importResource(ImportRequest.of("hazard_zones", "a31a-flood-maximum.geojson"));

        assertThat(result.layout().id()).isEqualTo("ksj-a31a-flood-maximum");
        assertThat(fixture.jdbc.queryForList("select flood_depth_class from hazard_zones where kind = 'flood' and name = '高津川' order by ST_XMin(geom)",
                String.class)).containsExactly("under_0_5m", "0_5_to_3m", "3_to_5m", "5_to_10m", "over_10m", "over_10m");
        assertThat(fixture.jdbc.queryForObject("select distinct source from hazard_zones", String.class)).contains("想定最大規模");
    }

    @Test
    void aDryRunShowsTheLayoutTheMappingAndTheFirstRowsAndWritesNothing() throws Exception {
        Path file = shelterFile("emergency-322041.geojson");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "emergency-322041.geojson").withDryRun(true), file);

        assertThat(fixture.count("facilities")).isZero();
        assertThat(result.dryRun()).isTrue();
        assertThat(result.imported()).isZero();
        assertThat(result.features()).isEqualTo(36);
        assertThat(result.columns()).contains(
                new ImportResult.ColumnUse("崖崩れ、土石流及び地滑り", "for_landslide", null),
                new ImportResult.ColumnUse("施設・場所名", "name", null),
                new ImportResult.ColumnUse(null, "kind", "set to emergency_evacuation_site by layout gsi-emergency-evacuation-sites"));
        assertThat(result.columns()).filteredOn(use -> "NO".equals(use.column())).singleElement()
                .satisfies(use -> assertThat(use.note()).contains("共通ID"));
        assertThat(result.preview()).hasSize(LayerImporter.PREVIEW_ROWS);
        assertThat(result.preview().get(0)).containsEntry("name", "益田中学校　（グラウンド）")
                .containsEntry("kind", "emergency_evacuation_site").containsEntry("for_landslide", true)
                .hasEntrySatisfying("geometry", wkt -> assertThat(wkt).asString().startsWith("POINT(131.8343"));
        assertThat(fixture.published).isEmpty();
    }

    @Test
    void theSameProblemOfEveryFeatureIsSaidOnceWithTheCountAndTheLayoutItResembles() throws Exception {
        // A GSI list trimmed by hand: without 共通ID and 指定避難所との住所同一 it is not recognised.
        ObjectNode collection = (ObjectNode) json.readTree(shelterFile("emergency-322041.geojson").toFile());
        collection.path("features").forEach(f -> ((ObjectNode) f.path("properties")).remove(List.of("共通ID", "指定避難所との住所同一")));
        Path trimmed = folder.resolve("trimmed.geojson");
        json.writeValue(trimmed.toFile(), collection);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("facilities", "trimmed.geojson"), trimmed));

        assertThat(rejected.problemCount()).isEqualTo(72);
        assertThat(rejected.problems()).extracting(InputProblem::field, InputProblem::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", 36), org.assertj.core.groups.Tuple.tuple("name", 36));
        assertThat(rejected.summary()).contains("all 36 features: no value for `name`; the file has 施設・場所名 — is this "
                + "国土地理院 指定緊急避難場所データ (GSI designated emergency evacuation sites)? Import it with "
                + "--layout gsi-emergency-evacuation-sites (layout=gsi-emergency-evacuation-sites over HTTP)");
        assertThat(rejected.getMessage()).contains("all 36 features: no value for `kind`; layout gsi-emergency-evacuation-sites sets it");
        assertThat(rejected.context().suggestedLayout()).isEqualTo("gsi-emergency-evacuation-sites");
        assertThat(rejected.context().ignoredColumns()).containsExactly("NO", "都道府県名及び市町村名", "施設・場所名", "備考");
        assertThat(rejected.members()).containsKeys("summary", "ignoredColumns", "suggestedLayout", "errors", "problemCount");
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void theSuggestedLayoutAskedForByNameImportsTheTrimmedList() throws Exception {
        Path csv = Files.writeString(folder.resolve("sites.csv"), """
                施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,緯度,経度
                益田中学校,島根県益田市栄町14-6,1,,34.67454,131.834324
                """);

        ImportResult result = fixture.importer.importFile(
                ImportRequest.of("facilities", "sites.csv").withLayout("gsi-emergency-evacuation-sites"), csv);

        assertThat(result.layout().detected()).isFalse();
        assertThat(fixture.jdbc.queryForMap("select kind, for_flood, for_landslide from facilities"))
                .containsEntry("kind", "emergency_evacuation_site").containsEntry("for_flood", true).containsEntry("for_landslide", false);
    }

    @Test
    void aColumnThatAnAttributeCouldHoldIsNotDroppedSilently() throws Exception {
        // 崖崩れ、土石流及び地滑り is the layer's 崖崩れ・土石流及び地滑り; 津浪 is a slip for 津波.
        Path csv = Files.writeString(folder.resolve("own.csv"), """
                名称,種別,崖崩れ、土石流及び地滑り,津浪,電話番号,経度,緯度
                市民会館,指定緊急避難場所,1,1,0856-22-0000,131.84,34.67
                """);
        List<String> saidBeforeWriting = new java.util.ArrayList<>();

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "own.csv"), csv, saidBeforeWriting::add);

        assertThat(fixture.jdbc.queryForObject("select for_landslide from facilities", Boolean.class)).isTrue();
        assertThat(result.ignoredFields()).containsExactly("津浪", "電話番号");
        assertThat(result.warnings()).containsExactly("column '津浪' is not imported, though attribute for_tsunami (津波) could hold it: "
                + "rename the column to for_tsunami");
        assertThat(saidBeforeWriting).isEqualTo(result.warnings());
    }

    @Test
    void aColumnTheRecognisedLayoutDoesNotAccountForIsNamed() throws Exception {
        Path csv = Files.writeString(folder.resolve("32000_1.csv"), """
                NO,共通ID,施設・場所名,住所,指定緊急避難場所との住所同一,その他市町村長が必要と認める事項,受入対象者,緯度,経度,備考,電話番号
                59276,E3220400001111,益田中学校（体育館）,島根県益田市栄町14-6,1,,,34.674381,131.833378,,0856-22-0000
                """);

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "32000_1.csv"), csv);

        assertThat(result.warnings()).containsExactly(
                "column '電話番号' is not imported: layout gsi-designated-shelters does not account for it");
    }

    @Test
    void anUnknownLayoutIsRefusedNamingTheKnownOnes() {
        IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class, () -> fixture.importer.importFile(
                ImportRequest.of("facilities", "x.csv").withLayout("gsi"), folder.resolve("x.csv")));

        assertThat(refused).hasMessageContaining("unknown layout 'gsi'").hasMessageContaining("gsi-designated-shelters");
    }

    @Test
    void everyDeclaredLayoutFitsItsLayer() {
        Map<String, org.chizu.gis.layer.Layer> layers = new HashMap<>();
        new org.chizu.gis.layer.LayerDeclarations(new org.chizu.gis.layer.LayerProperties(null)).read()
                .forEach(declaration -> layers.put(declaration.layer().id(), declaration.layer()));
        for (SourceLayout layout : new SourceLayouts().all()) {
            org.chizu.gis.layer.Layer layer = layers.get(layout.layer());
            assertThat(layer).as(layout.id()).isNotNull();
            List<Map.Entry<String, Object>> settings = new java.util.ArrayList<>(layout.constants().entrySet());
            layout.columns().values().forEach(column -> {
                settings.add(new java.util.AbstractMap.SimpleEntry<>(column.attribute(), null));
                column.values().values().forEach(value -> settings.add(new java.util.AbstractMap.SimpleEntry<>(column.attribute(), value)));
            });
            for (Map.Entry<String, Object> setting : settings) {
                assertThat(layer.attributes()).as(layout.id() + " → " + setting.getKey())
                        .filteredOn(a -> a.name().equals(setting.getKey())).singleElement()
                        .satisfies(a -> {
                            if (setting.getValue() != null) {
                                a.accept(setting.getValue());
                            }
                        });
            }
        }
        assertThat(new SourceLayouts().all()).extracting(SourceLayout::id).containsExactly("gsi-designated-shelters",
                "gsi-emergency-evacuation-sites", "ksj-a31a-flood-maximum", "ksj-a31a-flood-planned", "ksj-a33-landslide-warning-zones");
    }
}
