package org.chizu.opendata.encoding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.Attribute;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;

/**
 * Writes features into a new GeoPackage file (OGC 12-128r18) with NGA's GeoPackage library: one
 * feature table named after the layer, the feature ids as its primary key, the CRS from PostGIS's
 * definition. SQLite needs a file, so this format is always built ahead, never streamed.
 */
public final class GeoPackageEncoder {

    /** Rows per SQLite transaction: one transaction per row would be a hundred times slower. */
    private static final int ROWS_PER_TRANSACTION = 10_000;
    private static final String GEOMETRY_COLUMN = "geom";

    /** @return how many features were written */
    public long write(FeatureSchema schema, FeatureStream<FeatureRow> features, Path file) throws IOException {
        Files.deleteIfExists(file);
        GeoPackageManager.create(file.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            String table = schema.layer().id();
            SpatialReferenceSystem srs = spatialReferenceSystem(geoPackage, schema);
            GeometryColumns geometryColumns = new GeometryColumns();
            geometryColumns.setId(new TableColumnKey(table, GEOMETRY_COLUMN));
            geometryColumns.setGeometryType(GeometryType.fromName(schema.layer().geometry().kind().postgisName().toUpperCase()));
            geometryColumns.setZ((byte) 0);
            geometryColumns.setM((byte) 0);
            geometryColumns.setSrs(srs);
            geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, schema.layer().idColumn(), columns(schema), null));

            FeatureDao dao = geoPackage.getFeatureDao(table);
            // Keep Chizu's feature ids as the GeoPackage feature ids.
            dao.setPkModifiable(true);
            List<Attribute> attributes = schema.layer().attributes();
            WKBWriter wkb = new WKBWriter();
            Envelope extent = new Envelope();
            long srsId = srs.getSrsId();
            long[] written = {0};
            geoPackage.beginTransaction();
            long count = features.forEach(feature -> {
                mil.nga.geopackage.features.user.FeatureRow row = dao.newRow();
                row.setId(feature.id());
                for (int i = 0; i < attributes.size(); i++) {
                    row.setValue(attributes.get(i).name(), value(feature.values().get(i)));
                }
                if (feature.geometry() != null) {
                    extent.expandToInclude(feature.geometry().getEnvelopeInternal());
                    row.setGeometry(GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(srsId, wkb.write(feature.geometry())));
                }
                dao.insert(row);
                if (++written[0] % ROWS_PER_TRANSACTION == 0) {
                    geoPackage.endAndBeginTransaction();
                }
            });
            geoPackage.endTransaction();
            recordExtent(geoPackage, dao, extent);
            return count;
        } catch (SQLException e) {
            throw new IOException("writing the GeoPackage failed: " + e.getMessage(), e);
        }
    }

    private static SpatialReferenceSystem spatialReferenceSystem(GeoPackage geoPackage, FeatureSchema schema) throws SQLException {
        SpatialReferenceSystemDao dao = geoPackage.getSpatialReferenceSystemDao();
        SpatialReferenceSystem existing = dao.queryForId((long) schema.crs().srid());
        if (existing != null) {
            return existing;
        }
        SpatialReferenceSystem srs = new SpatialReferenceSystem();
        srs.setSrsId(schema.crs().srid());
        srs.setSrsName("EPSG:" + schema.crs().srid());
        srs.setOrganization("EPSG");
        srs.setOrganizationCoordsysId(schema.crs().srid());
        srs.setDefinition(schema.crsWkt());
        dao.create(srs);
        return srs;
    }

    private static List<FeatureColumn> columns(FeatureSchema schema) {
        List<FeatureColumn> columns = new ArrayList<>();
        for (Attribute attribute : schema.layer().attributes()) {
            columns.add(FeatureColumn.createColumn(attribute.name(), switch (attribute.type()) {
                case TEXT -> GeoPackageDataType.TEXT;
                case INTEGER -> GeoPackageDataType.INTEGER;
                case DECIMAL -> GeoPackageDataType.REAL;
                case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                case DATE -> GeoPackageDataType.DATE;
            }));
        }
        return columns;
    }

    private static Object value(Object value) {
        return switch (value) {
            case java.math.BigDecimal decimal -> decimal.doubleValue();
            case java.time.LocalDate date -> date.toString();
            case null, default -> value;
        };
    }

    private static void recordExtent(GeoPackage geoPackage, FeatureDao dao, Envelope extent) throws SQLException {
        if (extent.isNull()) {
            return;
        }
        Contents contents = dao.getGeometryColumns().getContents();
        contents.setBoundingBox(new BoundingBox(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()));
        geoPackage.getContentsDao().update(contents);
    }
}
