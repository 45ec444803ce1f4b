package org.chizu.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.app.towns.ShimaneN03;
import org.chizu.gis.testing.Shapefiles;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code ./chizu town add CODE --boundary N03_FILE} and {@code ./chizu town list}, as a staff member runs them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TownCommandTest {

    @TempDir
    static Path home;

    TestDatabase database;
    ConfigurableApplicationContext command;

    /** What the last command printed. */
    String out;
    String err;

    @BeforeAll
    void startTheCommandContext() {
        database = TestDatabase.fresh();
        command = ChizuApplication.commandContext("--chizu.home=" + home, "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(), "--spring.datasource.password=" + database.password());
    }

    @AfterAll
    void close() {
        command.close();
    }

    @Test
    void izumoIsAddedFromTheWholePrefecturesFileAndItsEnglishNameFollowsLater() {
        assertThat(run("town", "add", "32203", "--boundary", ShimaneN03.file().toString())).isZero();
        assertThat(out).contains("added 出雲市 322032 (1 polygon)", "no English name was given", "'Municipality 322032'");

        assertThat(run("town", "add", "322032", "--boundary", ShimaneN03.file().toString(), "--name-en", "Izumo City")).isZero();
        assertThat(out).startsWith("replaced the boundary of 出雲市 322032").doesNotContain("no English name");

        assertThat(run("town", "list")).isZero();
        assertThat(out).contains("322032  島根県出雲市  Izumo City");
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
                "select st_covers(geom, st_setsrid(st_makepoint(?, ?), 6668)) from municipalities where code = '32203'",
                Boolean.class, ShimaneN03.IZUMO_LON, ShimaneN03.IZUMO_LAT)).isTrue();
    }

    @Test
    void hamadasThreePolygonsBecomeOneMultiPolygon() {
        assertThat(run("town", "add", "32202", "--boundary", ShimaneN03.file().toString(), "--name-en", "Hamada City")).isZero();

        assertThat(out).contains("added 浜田市 322024 (3 polygons)");
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
                "select geometrytype(geom) || ' ' || st_numgeometries(geom) from municipalities where code = '32202'", String.class))
                .isEqualTo("MULTIPOLYGON 3");
    }

    @Test
    void aWrongCheckDigitSaysTheRightCode() {
        assertThat(run("town", "add", "322031", "--boundary", ShimaneN03.file().toString())).isNotZero();

        assertThat(err).contains("the check digit of 322031 is wrong", "32203 with its check digit is 322032");
    }

    @Test
    void masudaIsAddedFromTheN03FileAsATownsGisDeliversIt_AZippedShiftJisShapefileInPlaneZoneIII() throws Exception {
        Path shp = home.resolve("N03-21_32_210101.shp");
        Shapefiles.gdal("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:6671", "-lco", "ENCODING=CP932",
                shp.toString(), ShimaneN03.file().toString());
        Map<String, Path> parts = new LinkedHashMap<>();
        for (Path part : Shapefiles.parts(shp)) {
            parts.put("N03-210101_32_GML/" + part.getFileName(), part);
        }
        Path zip = Shapefiles.zip(home.resolve("N03-210101_32_GML.zip"), parts, StandardCharsets.UTF_8);

        assertThat(run("town", "add", "32204", "--boundary", zip.toString(), "--name-en", "Masuda City")).isZero();

        assertThat(out).contains("益田市 322041");
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject(
                "select st_covers(geom, st_setsrid(st_makepoint(131.8430, 34.6753), 6668)) from municipalities where code = '32204'",
                Boolean.class)).as("Masuda's city hall lies inside the boundary read from the Shapefile").isTrue();
    }

    @Test
    void aCodeTheFileDoesNotHoldIsRefusedNamingTheCodesItHolds() {
        assertThat(run("town", "add", "13101", "--boundary", ShimaneN03.file().toString())).isNotZero();

        assertThat(err).contains("holds no boundary with N03_007 = 13101", "its 19 codes, the first 10: 32201, 32202, 32203");
        assertThat(run("town", "list")).isZero();
        assertThat(out).doesNotContain("13101");
    }

    @Test
    void aFileThatIsNoN03FileIsRefusedNamingItsColumns() throws Exception {
        Path roads = Files.writeString(home.resolve("roads.geojson"), """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"route_no": "9", "name": "国道9号"},
                  "geometry": {"type": "LineString", "coordinates": [[131.84, 34.67], [131.86, 34.68]]}}]}
                """);

        assertThat(run("town", "add", "32204", "--boundary", roads.toString())).isNotZero();

        assertThat(err).contains("roads.geojson is not a 国土数値情報 administrative-boundary (N03) file", "its columns: route_no, name");
    }

    @Test
    void aMissingFileOrCodeShowsTheUsage() {
        assertThat(run("town", "add", "32203", "--boundary", home.resolve("nowhere.geojson").toString())).isEqualTo(2);
        assertThat(err).contains("no such file", "usage: ./chizu town add CODE --boundary N03_FILE");
        assertThat(run("town", "add", "--boundary", ShimaneN03.file().toString())).isEqualTo(2);
    }

    private int run(String... words) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            return command.getBean(CommandRunner.class).run(List.of(words));
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
            out = outBytes.toString(StandardCharsets.UTF_8);
            err = errBytes.toString(StandardCharsets.UTF_8);
        }
    }
}
