package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.imports.ImportRequest.AxisOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Which of a CSV file's x/y columns holds the northing. Japanese surveys and EPSG's plane
 * rectangular zones call the northing X; GIS software calls the easting x. Read the wrong way, a
 * ledger's points land mirrored across the zone's diagonal, tens of kilometres away.
 */
class CsvAxisOrderTest {

    private static final double ONE_CENTIMETRE = 0.01;
    private static final double ONE_METRE = 1;
    private static final int JGD2011_UTM_53N = 6690;

    /** Masuda city hall (益田市役所), as a ledger in zone III (EPSG:6671) gives it: northing, easting. */
    private static final double MASUDA_NORTHING = -146_975.345;
    private static final double MASUDA_EASTING = -29_678.811;
    /** Where it stands on the map, to four decimals (about 34°40′29″N 131°50′34″E). */
    private static final double MASUDA_LONGITUDE = 131.8428;
    private static final double MASUDA_LATITUDE = 34.6747;

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayer() {
        fixture.jdbc.execute("truncate facilities");
    }

    @Test
    void surveyStyleColumnsInAPlaneRectangularZoneAreNorthingFirst() throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger.csv"), """
                名称,種別,X座標,Y座標
                益田市役所,庁舎・支所,%s,%s
                """.formatted(MASUDA_NORTHING, MASUDA_EASTING));

        ImportResult result = fixture.importer.importFile(inZoneIII("ledger.csv"), ledger);

        assertThat(result.imported()).isEqualTo(1);
        assertLandsAtMasudaCityHall();
    }

    @Test
    void fullWidthSurveyColumnsWithAUnitAreNorthingFirstToo() throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger.csv"), """
                名称,種別,Ｘ座標（ｍ）,Ｙ座標（ｍ）
                益田市役所,庁舎・支所,%s,%s
                """.formatted(MASUDA_NORTHING, MASUDA_EASTING));

        fixture.importer.importFile(inZoneIII("ledger.csv"), ledger);

        assertLandsAtMasudaCityHall();
    }

    @Test
    void plainXyColumnsKeepEastingFirst() throws Exception {
        Path points = Files.writeString(folder.resolve("points.csv"), """
                名称,種別,x,y
                益田市役所,庁舎・支所,%s,%s
                """.formatted(MASUDA_EASTING, MASUDA_NORTHING));

        fixture.importer.importFile(inZoneIII("points.csv"), points);

        assertLandsAtMasudaCityHall();
    }

    @Test
    void anAxisOrderGivenOverridesTheColumnNames() throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger.csv"), """
                名称,種別,X,Y
                益田市役所,庁舎・支所,%s,%s
                """.formatted(MASUDA_NORTHING, MASUDA_EASTING));

        fixture.importer.importFile(inZoneIII("ledger.csv").withAxisOrder(AxisOrder.NORTH_EAST), ledger);

        assertLandsAtMasudaCityHall();
    }

    @Test
    void eastingAndNorthingColumnsAreReadByTheirNamesWhateverTheirPlace() throws Exception {
        Path points = Files.writeString(folder.resolve("points.csv"), """
                名称,種別,北距,東距
                益田市役所,庁舎・支所,%s,%s
                """.formatted(MASUDA_NORTHING, MASUDA_EASTING));

        fixture.importer.importFile(inZoneIII("points.csv"), points);

        assertLandsAtMasudaCityHall();
    }

    @Test
    void anAxisOrderForLongitudeLatitudeColumnsIsRefused() throws Exception {
        Path shelters = Files.writeString(folder.resolve("shelters.csv"), """
                名称,種別,経度,緯度
                益田市役所,庁舎・支所,131.8428,34.6747
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> fixture.importer.importFile(
                ImportRequest.of("facilities", "shelters.csv").withAxisOrder(AxisOrder.NORTH_EAST), shelters));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("経度");
            assertThat(problem.message()).contains("only for x/y columns", "経度 holds the longitude");
        });
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void surveyStyleColumnsOutsideAPlaneRectangularZoneNeedAnAxisOrder() throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger.csv"), """
                名称,種別,X座標,Y座標
                松江城,その他,3926913.788,323071.472
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> fixture.importer.importFile(
                ImportRequest.of("facilities", "ledger.csv").withSourceSrid(JGD2011_UTM_53N), ledger));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.field()).isEqualTo("X座標");
            assertThat(problem.message()).contains("EPSG:6690", "axis order north-east or east-north");
        });
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void pointsThatLieInJapanOnlyReadTheOtherWayRoundAreRefusedNamingTheAxisOrder() throws Exception {
        // Matsue castle in UTM zone 53N, northing first under plain x/y names; read easting first it
        // would lie in the Pacific near the equator.
        Path points = Files.writeString(folder.resolve("points.csv"), """
                name,kind,x,y
                Matsue castle,other,3926913.788,323071.472
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> fixture.importer.importFile(
                ImportRequest.of("facilities", "points.csv").withSourceSrid(JGD2011_UTM_53N), points));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("outside Japan", "133.0500°E 35.4700°N", "--axis-order north-east");
        });
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void anAxisOrderForAGeoJsonFileIsRefused() throws Exception {
        Path shelters = Files.writeString(folder.resolve("shelters.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "益田市役所", "kind": "office"},
                   "geometry": {"type": "Point", "coordinates": [131.8428, 34.6747]}}]}""");

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class, () -> fixture.importer.importFile(
                ImportRequest.of("facilities", "shelters.geojson").withAxisOrder(AxisOrder.EAST_NORTH), shelters));

        assertThat(rejected.problems()).extracting(InputProblem::message)
                .singleElement().asString().contains("only for a CSV file's x/y columns");
        assertThat(fixture.count("facilities")).isZero();
    }

    private static ImportRequest inZoneIII(String fileName) {
        return ImportRequest.of("facilities", fileName).withSourceSrid(CrsCode.PLANE_RECTANGULAR_ZONE_III);
    }

    private static void assertLandsAtMasudaCityHall() {
        ProjCoordinate expected = ReferenceProjection.jgd2011LongitudeLatitude(CrsCode.PLANE_RECTANGULAR_ZONE_III,
                MASUDA_EASTING, MASUDA_NORTHING);
        assertThat(fixture.metresFromFacility("益田市役所", expected.x, expected.y)).isLessThan(ONE_CENTIMETRE);
        assertThat(fixture.metresFromFacility("益田市役所", MASUDA_LONGITUDE, MASUDA_LATITUDE)).isLessThan(ONE_METRE);
    }
}
