package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.gis.crs.CrsCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Survey data in a plane rectangular zone (平面直角座標系) lands where it belongs. Distances are
 * measured on the ellipsoid (geography), so "1 cm" means a centimetre on the ground.
 */
class PlaneRectangularReprojectionTest {

    private static final double ONE_CENTIMETRE = 0.01;

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @Test
    void zoneIIIPointsLandWithinOneCentimetreOfTheirReferenceLongitudeAndLatitude() throws Exception {
        // The zone's origin is 36°N 132°10′E by definition; the other point's reference comes from
        // proj4j, an implementation independent of the PROJ library PostGIS uses.
        ProjCoordinate matsue = proj4jLongitudeLatitude(80_000, -58_000);
        Path csv = Files.writeString(folder.resolve("survey-points.csv"), """
                name,kind,x,y
                zone origin,other,0,0
                Matsue survey point,office,80000,-58000
                """);

        ImportResult result = fixture.importer.importFile(
                ImportRequest.of("facilities", "survey-points.csv").withSourceSrid(CrsCode.PLANE_RECTANGULAR_ZONE_III), csv);

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(metresFrom("zone origin", 132 + 10.0 / 60, 36)).isLessThan(ONE_CENTIMETRE);
        assertThat(metresFrom("Matsue survey point", matsue.x, matsue.y)).isLessThan(ONE_CENTIMETRE);
    }

    @Test
    void aGeoJsonFileNamingZoneIIIInItsLegacyCrsMemberIsReadInZoneIII() throws Exception {
        ImportResult result = fixture.importResource(ImportRequest.of("roads", "roads-zone3.geojson"));

        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.ignoredFields()).containsExactly("lanes");
        ProjCoordinate start = proj4jLongitudeLatitude(80_000, -58_000);
        double metres = fixture.jdbc.queryForObject("""
                select ST_Distance(ST_StartPoint(ST_GeometryN(geom, 1))::geography,
                                   ST_SetSRID(ST_MakePoint(?, ?), 6668)::geography)
                from roads where route_no = '431'""", Double.class, start.x, start.y);
        assertThat(metres).isLessThan(ONE_CENTIMETRE);
        assertThat(fixture.jdbc.queryForObject("select ST_NumGeometries(geom) from roads where route_no = '431'", Integer.class))
                .isEqualTo(2);
    }

    private static ProjCoordinate proj4jLongitudeLatitude(double easting, double northing) {
        return ReferenceProjection.jgd2011LongitudeLatitude(CrsCode.PLANE_RECTANGULAR_ZONE_III, easting, northing);
    }

    private static double metresFrom(String facility, double longitude, double latitude) {
        return fixture.metresFromFacility(facility, longitude, latitude);
    }
}
