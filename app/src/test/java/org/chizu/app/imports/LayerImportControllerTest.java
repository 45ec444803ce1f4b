package org.chizu.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.chizu.gis.testing.Shapefiles;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class LayerImportControllerTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        TestDatabase.fresh().register(properties);
    }

    @Autowired
    MockMvc http;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    @Test
    @WithMockUser(roles = "STAFF")
    void staffImportAGeoJsonFileIntoALayer() throws Exception {
        MockMultipartFile roads = new MockMultipartFile("file", "roads.geojson", "application/geo+json", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"route_no": "12", "name": "殿町線", "road_class": "市町村道", "lanes": 2},
                   "geometry": {"type": "LineString", "coordinates": [[133.0486, 35.4681], [133.0500, 35.4690]]}}
                ]}""".getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/roads/import").file(roads).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.layerId").value("roads"))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.sourceSrid").value(4326))
                .andExpect(jsonPath("$.ignoredFields[0]").value("lanes"))
                .andExpect(jsonPath("$.encoding").doesNotExist());

        assertThat(
                jdbc.queryForObject("select road_class from roads where name = '殿町線'", String.class)).isEqualTo("municipal");
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aBrokenFileIsRefusedWithProblemJsonNamingTheLineAndField() throws Exception {
        MockMultipartFile shelters = new MockMultipartFile("file", "shelters.csv", "text/csv", """
                名称,種別,経度,緯度,収容人数
                市民会館,指定避難所,133.05,35.46,800
                北公民館,hall,133.06,35.47,many
                """.getBytes(StandardCharsets.UTF_8));
        int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

        http.perform(multipart("/api/layers/facilities/import").file(shelters).param("mode", "replace").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chizu:problem:import-rejected"))
                .andExpect(jsonPath("$.problemCount").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("収容人数"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("'many' is not an integer")))
                .andExpect(jsonPath("$.errors[0].feature").doesNotExist());

        assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class))
                .isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aCoordinateSystemThatIsNoCoordinateSystemIsABadRequest() throws Exception {
        MockMultipartFile points = new MockMultipartFile("file", "points.csv", "text/csv",
                "name,kind,x,y\nHall,hall,80000,-58000\n".getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(points).param("srs", "Tokyo").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aLedgerWithPlainXyInSurveyOrderLandsRightWithTheAxisOrderParameter() throws Exception {
        MockMultipartFile ledger = new MockMultipartFile("file", "ledger.csv", "text/csv", """
                名称,種別,X,Y
                益田市役所,庁舎・支所,-146975.345,-29678.811
                """.getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(ledger)
                        .param("srs", "EPSG:6671").param("axis-order", "north-east").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.assumedAxisOrder").doesNotExist());

        // Masuda city hall, about 131.8428°E 34.6747°N; read easting first it would lie 166 km away, in the sea.
        double metres = jdbc.queryForObject("""
                select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(131.8428, 34.6747), 6668)::geography)
                from facilities where name = '益田市役所'""", Double.class);
        assertThat(metres).isLessThan(1);
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void anAxisOrderForLongitudeLatitudeColumnsIsRefusedWithProblemJsonNamingTheColumn() throws Exception {
        MockMultipartFile shelters = new MockMultipartFile("file", "shelters.csv", "text/csv", """
                名称,種別,経度,緯度
                市民会館,指定避難所,133.05,35.46
                """.getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(shelters).param("axis-order", "north-east").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chizu:problem:import-rejected"))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("経度"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("axis order north-east is only for x/y columns")));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void anUnknownAxisOrderIsABadRequestNamingTheTwoOrders() throws Exception {
        MockMultipartFile points = new MockMultipartFile("file", "points.csv", "text/csv",
                "name,kind,x,y\nHall,hall,-29678.811,-146975.345\n".getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(points)
                        .param("srs", "EPSG:6671").param("axis-order", "yx").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(startsWith("unknown axis order 'yx': use north-east")));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffUploadAZippedShiftJisShapefileInAPlaneRectangularZone() throws Exception {
        byte[] zip = zippedShelters((shp, entries) -> { });

        http.perform(multipart("/api/layers/facilities/import").file(new MockMultipartFile("file", "避難所.zip", "application/zip", zip))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.sourceSrid").value(6671))
                .andExpect(jsonPath("$.encoding").value("Shift_JIS"));

        assertThat(jdbc.queryForObject("select kind from facilities where name = '髙津①公民館'", String.class)).isEqualTo("hall");
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aZipWithATruncatedShpIsRefusedWithProblemJsonAndNothingIsImported() throws Exception {
        byte[] zip = zippedShelters((shp, entries) -> {
            byte[] whole = Files.readAllBytes(shp);
            entries.put("data/shelters.shp", Files.write(shp, Arrays.copyOf(whole, whole.length - 8)));
        });
        int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

        http.perform(multipart("/api/layers/facilities/import").file(new MockMultipartFile("file", "shelters.zip", "application/zip", zip))
                        .param("mode", "replace").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chizu:problem:import-rejected"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("the .shp file ends inside record 1")));

        assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class)).isEqualTo(before);
    }

    /** What a test changes in the Shapefile's files before they are zipped under data/. */
    private interface Change {
        void apply(Path shp, Map<String, Path> entries) throws Exception;
    }

    /** One shelter in zone III written by ogr2ogr in Shift_JIS, zipped in a folder without its .cpg. */
    private byte[] zippedShelters(Change change) throws Exception {
        Path shp = Shapefiles.write(folder, "shelters", 6671, "CP932", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"名称": "髙津①公民館", "種別": "公民館・集会所"},
                   "geometry": {"type": "Point", "coordinates": [79500, -57200]}}]}""");
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Path part : Shapefiles.parts(shp)) {
            if (!part.toString().endsWith(".cpg")) {
                entries.put("data/" + part.getFileName(), part);
            }
        }
        change.apply(shp, entries);
        return Files.readAllBytes(Shapefiles.zip(folder.resolve("shelters.zip"), entries, StandardCharsets.UTF_8));
    }

    @Test
    void importingNeedsAStaffAccount() throws Exception {
        MockMultipartFile pipes = new MockMultipartFile("file", "pipes.geojson", "application/geo+json",
                "{\"type\": \"FeatureCollection\", \"features\": []}".getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/water_pipes/import").file(pipes))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aDryRunAnswersWithTheRecognisedLayoutTheMappingAndTheFirstRowsAndWritesNothing() throws Exception {
        MockMultipartFile sites = new MockMultipartFile("file", "32000_2.csv", "text/csv", """
                NO,共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,高潮,地震,津波,大規模な火事,内水氾濫,火山現象,指定避難所との住所同一,緯度,経度,備考
                83688,E3220400001201,益田中学校,島根県益田市栄町14-6,1,1,,1,,1,1,,1,34.67454,131.834324,
                """.getBytes(StandardCharsets.UTF_8));
        int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

        http.perform(multipart("/api/layers/facilities/import").file(sites).param("dry-run", "true").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.layout.id").value("gsi-emergency-evacuation-sites"))
                .andExpect(jsonPath("$.layout.detected").value(true))
                .andExpect(jsonPath("$.columns[?(@.column == '崖崩れ、土石流及び地滑り')].attribute").value("for_landslide"))
                .andExpect(jsonPath("$.preview[0].kind").value("emergency_evacuation_site"))
                .andExpect(jsonPath("$.preview[0].for_landslide").value(true))
                .andExpect(jsonPath("$.preview[0].for_storm_surge").value(false));

        assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aRefusalSaysTheSameProblemOnceWithTheCountTheIgnoredColumnsAndTheLayoutTheFileResembles() throws Exception {
        MockMultipartFile sites = new MockMultipartFile("file", "sites.csv", "text/csv", """
                NO,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,高潮,地震,津波,大規模な火事,内水氾濫,火山現象,緯度,経度,備考
                1,益田中学校,島根県益田市栄町14-6,1,1,,1,,1,1,,34.67454,131.834324,
                2,高津川河川敷,島根県益田市高津町,,,,1,,1,,,34.680,131.825,
                """.getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(sites).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.problemCount").value(4))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("name"))
                .andExpect(jsonPath("$.errors[1].count").value(2))
                .andExpect(jsonPath("$.summary[1]").value(startsWith("all 2 features: no value for `name`; the file has 施設・場所名 — is this")))
                .andExpect(jsonPath("$.suggestedLayout").value("gsi-emergency-evacuation-sites"))
                .andExpect(jsonPath("$.ignoredColumns[0]").value("NO"))
                .andExpect(jsonPath("$.detail").value(startsWith("The file was not imported into layer 'facilities': 4 problems: all 2 features: no value for `kind`")));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void anIntegerBeyondTheColumnsRangeIsRefusedNamingTheLineAndField() throws Exception {
        int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

        http.perform(multipart("/api/layers/facilities/import").file(csv("名称,種別,経度,緯度,収容人数\n"
                        + "市民会館,指定避難所,133.05,35.46,800\n北公民館,hall,133.06,35.47,99999999999\n")).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("収容人数"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("'99999999999' is beyond the column's range (integer")));

        assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aNulInACsvOrGeoJsonValueIsRefusedNamingWhereAndTheField() throws Exception {
        http.perform(multipart("/api/layers/facilities/import").file(csv("名称,種別,経度,緯度\n市民\0会館,指定避難所,133.05,35.46\n"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("名称"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("holds a NUL character")));

        MockMultipartFile geoJson = new MockMultipartFile("file", "halls.geojson", "application/geo+json", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "北公民館", "kind": "hall", "address": "殿町\\u0000一番"},
                   "geometry": {"type": "Point", "coordinates": [133.05, 35.46]}}]}""".getBytes(StandardCharsets.UTF_8));
        http.perform(multipart("/api/layers/facilities/import").file(geoJson).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].feature").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("address"));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aShiftJisFileWithBytesThatAreNoTextIsRefusedNamingTheLine() throws Exception {
        byte[] good = "名称,種別,経度,緯度\n市民会館,指定避難所,133.05,35.46\n".getBytes(Charset.forName("windows-31j"));
        byte[] broken = "北公民館,hall,133.06,35.47\n".getBytes(Charset.forName("windows-31j"));
        broken[2] = (byte) 0xFF;
        byte[] file = Arrays.copyOf(good, good.length + broken.length);
        System.arraycopy(broken, 0, file, good.length, broken.length);
        int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

        http.perform(multipart("/api/layers/facilities/import").file(new MockMultipartFile("file", "halls.csv", "text/csv", file))
                        .param("encoding", "Shift_JIS").with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("holds bytes (0xFF")));

        assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aLayerBackedByAViewIsRefusedBeforeTheFileIsRead() throws Exception {
        http.perform(multipart("/api/layers/reports/import").file(csv("not even, a file")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:chizu:problem:layer-not-importable"))
                .andExpect(jsonPath("$.detail").value(startsWith("Layer 'reports' shows the view public_reports")));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void aThreeHundredCharacterFileNameIsImportedUnderThatName() throws Exception {
        MockMultipartFile longName = new MockMultipartFile("file", "避難所".repeat(100) + ".csv", "text/csv",
                "名称,種別,経度,緯度\n長い名前会館,指定避難所,133.05,35.46\n".getBytes(StandardCharsets.UTF_8));

        http.perform(multipart("/api/layers/facilities/import").file(longName).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void pointsOutsideEveryServedMunicipalityAreRefusedWithTheirCountUnlessAllowed() throws Exception {
        jdbc.update("""
                insert into municipalities (code, name_ja, name_en, geom)
                values ('32201', '松江市', 'Matsue', st_multi(st_makeenvelope(132.9, 35.3, 133.2, 35.6, 6668)))""");
        try {
            MockMultipartFile withNewYork = csv("名称,種別,経度,緯度\n市民会館,指定避難所,133.05,35.46\n"
                    + "ニューヨーク会館,hall,-74.006,40.7128\n自由の女神,other,-74.0445,40.6892\n");
            int before = jdbc.queryForObject("select count(*) from facilities", Integer.class);

            http.perform(multipart("/api/layers/facilities/import").file(withNewYork).with(csrf()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].message").value(startsWith(
                            "2 of 3 features lie outside every municipality this platform serves (line 3, line 4)")))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("allow-outside=true")));
            assertThat(jdbc.queryForObject("select count(*) from facilities", Integer.class)).isEqualTo(before);

            http.perform(multipart("/api/layers/facilities/import").file(withNewYork).param("allow-outside", "true").with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.imported").value(3));
        } finally {
            jdbc.update("delete from municipalities");
        }
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "facilities.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
