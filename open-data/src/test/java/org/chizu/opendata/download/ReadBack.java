package org.chizu.opendata.download;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.encoding.ShapefileEncoder;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Features read back from a download, as GDAL reads them (or, for Chizu's own GeoJSON, as any
 * JSON parser does), with values normalised by attribute type so that formats can be compared:
 * numbers without trailing zeros, booleans as true/false, dates as YYYY-MM-DD.
 */
record ReadBack(Map<Long, Map<String, String>> properties, Map<Long, Geometry> geometries) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Chizu's own GeoJSON: the reference the other formats are compared with. */
    static ReadBack geoJson(Layer layer, byte[] body) throws IOException {
        return fromGeoJson(layer, JSON.readTree(body), null, Map.of());
    }

    /** Any download as GDAL reads it, converted to GeoJSON by ogr2ogr. */
    static ReadBack viaGdal(Layer layer, DownloadFormat format, Path file) throws IOException, InterruptedException {
        String json = RunningServer.gdal(switch (format) {
            case CSV -> layer.geometry().kind().name().equals("POINT")
                    ? new String[] {"ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString(),
                            "-oo", "X_POSSIBLE_NAMES=longitude", "-oo", "Y_POSSIBLE_NAMES=latitude", "-oo", "KEEP_GEOM_COLUMNS=NO"}
                    : new String[] {"ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString(),
                            "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"};
            case GEOPACKAGE -> new String[] {"ogr2ogr", "-f", "GeoJSON", "-preserve_fid", "/vsistdout/", file.toString()};
            case SHAPEFILE -> new String[] {"ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "/vsizip/" + file};
            default -> new String[] {"ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString()};
        });
        Map<String, String> renamed = format == DownloadFormat.SHAPEFILE ? invert(ShapefileEncoder.fieldNames(layer)) : Map.of();
        String idSource = switch (format) {
            case GEOPACKAGE -> null;
            case SHAPEFILE -> ShapefileEncoder.fieldNames(layer).get(layer.idColumn());
            default -> layer.idColumn();
        };
        return fromGeoJson(layer, JSON.readTree(json), idSource, renamed);
    }

    /** @param idSource the property holding the feature id, or null for the GeoJSON "id" member */
    private static ReadBack fromGeoJson(Layer layer, JsonNode collection, String idSource, Map<String, String> renamed) throws IOException {
        Map<Long, Map<String, String>> properties = new TreeMap<>();
        Map<Long, Geometry> geometries = new TreeMap<>();
        GeoJsonReader geometryReader = new GeoJsonReader();
        for (JsonNode feature : collection.get("features")) {
            JsonNode props = feature.get("properties");
            long id = idSource == null ? feature.get("id").asLong() : props.get(idSource).asLong();
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            props.fields().forEachRemaining(e -> byName.put(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            for (Attribute attribute : layer.attributes()) {
                values.put(attribute.name(), normalise(attribute, byName.get(attribute.name())));
            }
            properties.put(id, values);
            try {
                geometries.put(id, geometryReader.read(feature.get("geometry").toString()));
            } catch (ParseException e) {
                throw new IOException(e);
            }
        }
        return new ReadBack(properties, geometries);
    }

    static String normalise(Attribute attribute, JsonNode value) {
        if (value == null || value.isNull() || value.asText().isEmpty() || value.asText().equals("?")) {
            return null;
        }
        String text = value.asText();
        return switch (attribute.type()) {
            case TEXT -> text;
            case INTEGER, DECIMAL -> new BigDecimal(text).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(text.equalsIgnoreCase("true") || text.equals("T") || text.equals("1"));
            case DATE -> text.replace('/', '-').substring(0, 10);
        };
    }

    /** The largest distance between two geometries' vertices and edges: 0 for the same shape. */
    static double distance(Geometry a, Geometry b) {
        return DiscreteHausdorffDistance.distance(a, b);
    }

    static Geometry wkt(String text) throws ParseException {
        return new WKTReader().read(text);
    }

    private static Map<String, String> invert(Map<String, String> map) {
        Map<String, String> inverted = new LinkedHashMap<>();
        map.forEach((k, v) -> inverted.put(v, k));
        return inverted;
    }
}
