package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonImportTest {

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayer() {
        fixture.jdbc.execute("truncate forests");
    }

    @Test
    void aSelfIntersectingPolygonIsNamedByItsFeatureNumberAndNothingIsImported() {
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importResource(ImportRequest.of("forests", "forests-self-intersecting.geojson")));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.feature()).isEqualTo(2);
            assertThat(problem.line()).isNull();
            assertThat(problem.field()).isEqualTo("geometry");
            assertThat(problem.message()).startsWith("is not valid: Self-intersection");
        });
        assertThat(fixture.count("forests")).isZero();
    }

    @Test
    void aGeometryOfAnotherKindThanTheLayersIsRefused() throws Exception {
        Path file = Files.writeString(folder.resolve("track.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"compartment": "7"},
                   "geometry": {"type": "LineString", "coordinates": [[133.0, 35.4], [133.1, 35.5]]}}
                ]}""");

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importer.importFile(ImportRequest.of("forests", "track.geojson"), file));

        assertThat(rejected.problems()).containsExactly(InputProblem.atFeature(1, "geometry",
                "is a LineString; layer forests takes MultiPolygon or its single-part form"));
        assertThat(fixture.count("forests")).isZero();
    }

    @Test
    void plainGeoJsonIsReadAsLongitudeLatitudeAndPolygonsBecomeMultiPolygons() throws Exception {
        Path file = Files.writeString(folder.resolve("forest.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"林班": "8", "小班": "は", "面積 (ha)": 12.75, "所有区分": "私有林"},
                   "geometry": {"type": "Polygon", "coordinates": [[[133.0, 35.4], [133.01, 35.4], [133.01, 35.41], [133.0, 35.4]]]}}
                ]}""");

        ImportResult result = fixture.importer.importFile(ImportRequest.of("forests", "forest.geojson"), file);

        assertThat(result.sourceSrid()).isEqualTo(4326);
        assertThat(result.encoding()).isNull();
        assertThat(fixture.jdbc.queryForMap("""
                select compartment, subcompartment, area_ha, ownership, GeometryType(geom) as type
                from forests where compartment = '8'"""))
                .containsEntry("subcompartment", "は")
                .containsEntry("area_ha", new java.math.BigDecimal("12.75"))
                .containsEntry("ownership", "private")
                .containsEntry("type", "MULTIPOLYGON");
    }
}
