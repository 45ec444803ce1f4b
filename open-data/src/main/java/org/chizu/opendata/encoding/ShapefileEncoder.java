package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.query.FeatureRow;
import org.chizu.opendata.query.FeatureStream;
import org.springframework.util.FileSystemUtils;

/**
 * Writes features as a zipped ESRI Shapefile: .shp, .shx, .dbf, .prj (the CRS as OGC WKT) and
 * .cpg (UTF-8).
 *
 * <p>Why a writer of our own: Maven Central has no maintained Shapefile writer outside GeoTools
 * (which Chizu does not use); the readers there do not write. The format is small and fixed, and
 * only its simplest shapes are needed (Point, PolyLine, Polygon, 2D), so {@link ShapeRecordWriter}
 * and {@link DbfWriter} implement exactly those, checked by reading the output back with GDAL.
 *
 * <p>dBASE field names are at most 10 ASCII bytes, so longer attribute names are cut (see
 * {@link #fieldNames}); the feature id is the first field.
 */
public final class ShapefileEncoder {

    private static final int DBF_NAME_BYTES = 10;

    /**
     * The dBASE field name of the id and each attribute: the name cut to 10 characters, made unique
     * with a numeric suffix when two cut names collide.
     */
    public static Map<String, String> fieldNames(Layer layer) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        List<String> columns = new ArrayList<>();
        columns.add(layer.idColumn());
        layer.attributes().forEach(a -> columns.add(a.name()));
        for (String column : columns) {
            String name = column.length() <= DBF_NAME_BYTES ? column : column.substring(0, DBF_NAME_BYTES);
            for (int n = 1; !taken.add(name.toLowerCase()); n++) {
                String suffix = "_" + n;
                name = column.substring(0, Math.min(column.length(), DBF_NAME_BYTES - suffix.length())) + suffix;
            }
            names.put(column, name);
        }
        return names;
    }

    /** @return how many features were written */
    public long write(FeatureSchema schema, FeatureStream<FeatureRow> features, OutputStream out) throws IOException {
        Layer layer = schema.layer();
        Path folder = Files.createTempDirectory("chizu-shapefile-");
        try {
            String base = layer.id();
            Path shp = folder.resolve(base + ".shp");
            Path shx = folder.resolve(base + ".shx");
            Path dbf = folder.resolve(base + ".dbf");
            Files.writeString(folder.resolve(base + ".prj"), schema.crsWkt(), StandardCharsets.US_ASCII);
            Files.writeString(folder.resolve(base + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
            long count;
            try (ShapeRecordWriter shapes = new ShapeRecordWriter(shp, shx, layer.geometry().kind());
                 DbfWriter table = new DbfWriter(dbf, fields(layer))) {
                List<Object> record = new ArrayList<>();
                count = features.forEach(feature -> {
                    shapes.write(feature.geometry());
                    record.clear();
                    record.add(feature.id());
                    record.addAll(feature.values());
                    table.write(record);
                });
            }
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String extension : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                    zip.putNextEntry(new ZipEntry(base + "." + extension));
                    Files.copy(folder.resolve(base + "." + extension), zip);
                    zip.closeEntry();
                }
            }
            return count;
        } finally {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    private static List<DbfWriter.Field> fields(Layer layer) {
        Map<String, String> names = fieldNames(layer);
        List<DbfWriter.Field> fields = new ArrayList<>();
        fields.add(DbfWriter.Field.integer(names.get(layer.idColumn())));
        for (Attribute attribute : layer.attributes()) {
            String name = names.get(attribute.name());
            fields.add(switch (attribute.type()) {
                case TEXT -> DbfWriter.Field.text(name);
                case INTEGER -> DbfWriter.Field.integer(name);
                case DECIMAL -> DbfWriter.Field.decimal(name);
                case BOOLEAN -> DbfWriter.Field.logical(name);
                case DATE -> DbfWriter.Field.date(name);
            });
        }
        return fields;
    }
}
