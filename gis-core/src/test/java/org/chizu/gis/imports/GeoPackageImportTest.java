package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoPackageImportTest {

    private static final String ZONE_III_WKT = """
            PROJCS["JGD2011 / Japan Plane Rectangular CS III",GEOGCS["JGD2011",\
            DATUM["Japanese_Geodetic_Datum_2011",SPHEROID["GRS 1980",6378137,298.257222101]],\
            PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],\
            PARAMETER["latitude_of_origin",36],PARAMETER["central_meridian",132.166666666667],\
            PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",0],PARAMETER["false_northing",0],\
            UNIT["metre",1],AUTHORITY["EPSG","6671"]]""";

    static ImportFixture fixture;

    @TempDir
    Path folder;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @Test
    void aGeoPackageTableImportsInItsOwnCoordinateSystem() throws Exception {
        File file = folder.resolve("shelters.gpkg").toFile();
        writeShelters(file, Map.of("市民会館", new Point(80_000, -58_000), "北公民館", new Point(79_500, -57_200)));

        ImportResult result = fixture.importer.importFile(ImportRequest.of("facilities", "shelters.gpkg"), file.toPath());

        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.sourceSrid()).isEqualTo(6671);
        assertThat(result.ignoredFields()).isEmpty();
        assertThat(fixture.jdbc.queryForList("""
                select name from facilities
                where kind = 'designated_shelter' and capacity = 300 and ST_X(geom) between 133 and 133.1
                order by name""", String.class))
                .containsExactly("北公民館", "市民会館");
    }

    /** A GeoPackage with one point table in plane rectangular zone III, as a surveyor's GIS writes it. */
    private static void writeShelters(File file, Map<String, Point> shelters) throws Exception {
        GeoPackageManager.create(file);
        try (GeoPackage geoPackage = GeoPackageManager.open(file)) {
            SpatialReferenceSystem zoneIII = new SpatialReferenceSystem();
            zoneIII.setSrsName("JGD2011 / Japan Plane Rectangular CS III");
            zoneIII.setSrsId(6671);
            zoneIII.setOrganization("EPSG");
            zoneIII.setOrganizationCoordsysId(6671);
            zoneIII.setDefinition(ZONE_III_WKT);
            geoPackage.getSpatialReferenceSystemDao().create(zoneIII);
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName("shelters");
            geometry.setColumnName("geom");
            geometry.setGeometryType(GeometryType.POINT);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrs(zoneIII);
            geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, List.of(
                    FeatureColumn.createColumn("名称", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("kind", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("capacity", GeoPackageDataType.INTEGER))));
            FeatureDao shelterTable = geoPackage.getFeatureDao("shelters");
            for (Map.Entry<String, Point> shelter : shelters.entrySet()) {
                FeatureRow row = shelterTable.newRow();
                row.setGeometry(GeoPackageGeometryData.create(zoneIII.getSrsId(), shelter.getValue()));
                row.setValue("名称", shelter.getKey());
                row.setValue("kind", "designated_shelter");
                row.setValue("capacity", 300L);
                shelterTable.insert(row);
            }
        }
    }
}
