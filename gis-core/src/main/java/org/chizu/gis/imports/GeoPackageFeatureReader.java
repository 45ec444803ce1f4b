package org.chizu.gis.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads one feature table of a GeoPackage: the one the request names, else the first. Its
 * coordinates are in the table's own spatial reference system when that is an EPSG one.
 */
final class GeoPackageFeatureReader implements FeatureReader {

    private static final String EPSG = "EPSG";

    @Override
    public SourceDescription read(Path file, ImportRequest request, ImportProblems problems, Consumer<SourceFeature> features)
            throws IOException {
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            problems.add(InputProblem.ofFile("the file is not a GeoPackage: " + e.getMessage()));
            return new SourceDescription(null, null);
        }
        try (geoPackage) {
            List<String> tables = geoPackage.getFeatureTables();
            String table = request.table() != null ? request.table() : tables.stream().findFirst().orElse(null);
            if (table == null || !tables.contains(table)) {
                problems.add(InputProblem.ofFile(table == null ? "the GeoPackage has no feature table"
                        : "the GeoPackage has no feature table '" + table + "'; it has " + tables));
                return new SourceDescription(null, null);
            }
            FeatureDao dao = geoPackage.getFeatureDao(table);
            readRows(dao, problems, features);
            return new SourceDescription(epsgCode(dao.getSrs()), null);
        }
    }

    private static void readRows(FeatureDao dao, ImportProblems problems, Consumer<SourceFeature> features) {
        WKBReader wkb = new WKBReader();
        int number = 0;
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                FeatureRow row = rows.getRow();
                SourceFeature feature = new SourceFeature(++number, null, null, properties(row));
                GeoPackageGeometryData data = row.getGeometry();
                if (data == null || data.isEmpty()) {
                    features.accept(feature);
                    continue;
                }
                try {
                    Geometry geometry = wkb.read(data.getWkb());
                    features.accept(new SourceFeature(number, null, geometry, feature.properties()));
                } catch (IOException | ParseException e) {
                    problems.add(feature.problem(row.getGeometryColumnName(), "is not a readable geometry: " + e.getMessage()));
                }
            }
        } finally {
            rows.close();
        }
    }

    /** Every column but the primary key and the geometry; dates as ISO text, as attributes parse them. */
    private static Map<String, Object> properties(FeatureRow row) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < row.columnCount(); i++) {
            if (i == row.getGeometryColumnIndex() || row.getColumn(i).isPrimaryKey()) {
                continue;
            }
            Object value = row.getValue(i);
            properties.put(row.getColumnName(i),
                    value instanceof Date date ? date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString() : value);
        }
        return properties;
    }

    /** The EPSG code of the table's coordinates, or null when the GeoPackage gives none. */
    private static Integer epsgCode(SpatialReferenceSystem srs) {
        return srs != null && EPSG.equalsIgnoreCase(srs.getOrganization()) && srs.getOrganizationCoordsysId() > 0
                ? Math.toIntExact(srs.getOrganizationCoordsysId()) : null;
    }
}
