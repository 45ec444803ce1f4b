package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayers() {
        fixture.jdbc.execute("truncate roads, facilities");
    }

    @Test
    void aShiftJisCsvWithJapaneseHeadersImportsWithItsTextIntact() throws Exception {
        ImportResult result = fixture.importResource(ImportRequest.of("facilities", "shelters-sjis.csv"));

        assertThat(result.encoding()).isEqualTo("Shift_JIS");
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6668);
        assertThat(result.ignoredFields()).containsExactly("備考");
        Map<String, Object> shelter = fixture.jdbc.queryForMap(
                "select name, kind, address, capacity from facilities where capacity = 120");
        assertThat(shelter).containsEntry("name", "髙島公民館")
                .containsEntry("kind", "designated_shelter")
                .containsEntry("address", "島根県松江市殿町１番地");
    }

    @Test
    void aCsvWithOneBrokenRowImportsNothingAndNamesTheLineAndField() {
        int before = fixture.count("roads");

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importResource(ImportRequest.of("roads", "roads-broken-width.csv")));

        assertThat(rejected.problems()).containsExactly(InputProblem.atLine(3, "width_m", "'abc' is not a number"));
        assertThat(rejected.getMessage()).contains("line 3, field width_m");
        assertThat(fixture.count("roads")).isEqualTo(before);
    }

    @Test
    void aRowBreakingARuleOnlyTheDatabaseKnowsImportsNothingAndNamesTheLine() throws Exception {
        Path csv = Files.writeString(folder.resolve("roads.csv"), """
                route_no,road_class,width_m,wkt
                1,municipal,4.5,"LINESTRING(133.05 35.46, 133.06 35.47)"
                2,municipal,-2,"LINESTRING(133.06 35.47, 133.07 35.48)"
                3,municipal,3.0,"LINESTRING(133.07 35.48, 133.08 35.49)"
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("roads", "roads.csv"), csv));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("width_m");
            assertThat(problem.message()).contains("width_m > ");
        });
        assertThat(fixture.count("roads")).isZero();
    }

    @Test
    void everyBadRowIsReportedInOneRound() throws Exception {
        Path csv = Files.writeString(folder.resolve("shelters.csv"), """
                name,kind,lon,lat
                Town hall,office,133.05,35.46
                ,office,133.05,35.46
                Gym,stadium,133.05,35.46
                Library,other,east,35.46
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("facilities", "shelters.csv"), csv));

        assertThat(rejected.problems()).extracting(InputProblem::line, InputProblem::field).containsExactly(
                tuple(3, "name"),
                tuple(4, "kind"),
                tuple(5, "lon"));
        assertThat(fixture.count("facilities")).isZero();
    }

    @Test
    void eastingsAndNorthingsWithoutACoordinateSystemAreRefused() throws Exception {
        Path csv = Files.writeString(folder.resolve("points.csv"), "name,kind,x,y\nHall,hall,80000,-58000\n");

        assertThatThrownBy(() -> fixture.importer.importFile(ImportRequest.of("facilities", "points.csv"), csv))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("does not say which coordinate system");
    }

    @Test
    void latitudeGivenFirstIsCaughtBeforeAnythingIsImported() throws Exception {
        Path csv = Files.writeString(folder.resolve("swapped.csv"), "name,kind,lon,lat\nHall,hall,35.46,133.05\n");

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("facilities", "swapped.csv"), csv));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("latitude first");
        });
    }

    @Test
    void aDecimalBeyondItsColumnsDigitsIsRefusedNamingTheLineAndField() throws Exception {
        Path csv = Files.writeString(folder.resolve("roads.csv"), """
                route_no,road_class,width_m,wkt
                1,municipal,1234.5,"LINESTRING(133.05 35.46, 133.06 35.47)"
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("roads", "roads.csv"), csv));

        assertThat(rejected.problems()).containsExactly(InputProblem.atLine(2, "width_m",
                "'1234.5' is beyond the column's range (numeric(5, 2): at most 3 digits before the decimal point)"));
    }

    @Test
    void aDateBeyondTheYear9999IsRefusedByItsOwnCheckNamingTheLineAndField() throws Exception {
        Path csv = Files.writeString(folder.resolve("zones.csv"), """
                kind,name,designated_on,wkt
                landslide_warning,高津川,+10000-01-01,"POLYGON((133.05 35.46, 133.06 35.46, 133.06 35.47, 133.05 35.46))"
                """);

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("hazard_zones", "zones.csv"), csv));

        assertThat(rejected.problems()).containsExactly(InputProblem.atLine(2, "designated_on",
                "'+10000-01-01' is outside the years 1 to 9999"));
    }
}
