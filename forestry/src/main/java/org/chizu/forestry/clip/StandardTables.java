package org.chizu.forestry.clip;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.AttributeType;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.forestry.products.Gdal;
import org.chizu.opendata.OpenDataApi;
import org.chizu.opendata.StandardLayouts;
import org.chizu.opendata.StandardRows;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A forestry layer's features inside an area, written in the standard layout the layer declares
 * (森林資源データ: 樹頂点, 森林資源量集計メッシュ) as a GeoPackage in the survey's plane system and as
 * the CSV the layer's standard download writes (open-data's, UTF-8 with a byte-order mark). Both take
 * their columns from that one declaration, so the files of a clip and the layer's downloads agree.
 */
@Component
class StandardTables {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerRegistry registry;
    private final OpenDataApi openData;
    private final NamedParameterJdbcTemplate jdbc;

    StandardTables(LayerRegistry registry, OpenDataApi openData, JdbcTemplate jdbc) {
        this.registry = registry;
        this.openData = openData;
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * One feature: the layer's attribute values in declaration order, its geometry in JGD2011
     * longitude/latitude, and the same geometry in the plane system as GeoJSON.
     */
    record Feature(long id, List<Object> values, Geometry lonLat, String planeGeoJson) {
    }

    /** A layer's standard layout, bound to the layer. */
    record Table(Layer layer, StandardRows rows) {
    }

    /**
     * @throws IllegalStateException when the layer or its standard layout is not declared (a broken installation)
     */
    Table table(String layerId, String standardId) {
        Layer layer = registry.find(layerId).orElseThrow(() -> new IllegalStateException("the layer " + layerId + " is not declared"));
        return new Table(layer, new StandardRows(StandardLayouts.find(layer, standardId).orElseThrow(
                () -> new IllegalStateException("the layer " + layerId + " declares no standard " + standardId)), layer));
    }

    /**
     * Reads the features of a query whose rows hold the layer's attributes under their names and the
     * geometry as {@code geom} (JGD2011), in the query's order.
     */
    List<Feature> read(Table table, String sql, SqlParameterSource parameters, int srid) {
        List<Attribute> attributes = table.layer().attributes();
        String columns = String.join(", ", attributes.stream().map(a -> "f." + SqlIdentifiers.quote(a.name())).toList());
        WKBReader wkb = new WKBReader();
        List<Feature> features = new ArrayList<>();
        jdbc.query("select " + columns + ", ST_AsBinary(f.geom) as lonlat, ST_AsGeoJSON(ST_Transform(f.geom, " + srid + "), 3) as plane from ("
                + sql + ") f", parameters, row -> {
            List<Object> values = new ArrayList<>(attributes.size());
            for (Attribute attribute : attributes) {
                values.add(typed(attribute, row.getObject(attribute.name())));
            }
            try {
                features.add(new Feature(features.size() + 1, values, wkb.read(row.getBytes("lonlat")), row.getString("plane")));
            } catch (ParseException e) {
                throw new IllegalStateException("PostGIS wrote WKB that JTS cannot read", e);
            }
        });
        return features;
    }

    /** The features as a GeoPackage of one table named after the layer, in the plane system {@code srid}. */
    void writeGeoPackage(Table table, List<Feature> features, int srid, Path geoPackage) throws IOException {
        List<String> header = table.rows().header();
        // no crs member: the coordinates are the plane system's as they are, assigned by -a_srs
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode items = collection.putArray("features");
        for (Feature feature : features) {
            List<Object> row = table.rows().row(feature.id(), feature.values(), feature.lonLat(), Optional.empty());
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                properties.put(header.get(c), row.get(c));
            }
            ObjectNode item = items.addObject().put("type", "Feature");
            item.set("geometry", JSON.readTree(feature.planeGeoJson()));
            item.set("properties", JSON.valueToTree(properties));
        }
        Path source = Files.createTempFile("clip-" + table.layer().id(), ".geojson");
        try {
            JSON.writeValue(source.toFile(), collection);
            Files.deleteIfExists(geoPackage);
            Gdal.run("write " + features.size() + " features of " + table.layer().id() + " as GeoPackage", TIMEOUT, List.of(
                    "ogr2ogr", "-f", "GPKG", "-nln", table.layer().id(), "-a_srs", "EPSG:" + srid, geoPackage.toString(), source.toString()));
        } finally {
            Files.deleteIfExists(source);
        }
    }

    /** The features as the layer's standard CSV. */
    void writeCsv(Table table, List<Feature> features, Path csv) throws IOException {
        try (OutputStream out = Files.newOutputStream(csv)) {
            openData.writeStandardCsv(table.layer(), table.rows().standard(), sink -> {
                for (Feature feature : features) {
                    sink.accept(feature.id(), feature.values(), feature.lonLat());
                }
                return features.size();
            }, out);
        }
    }

    /** As the layer's own downloads hand values over: integers as Long, decimals as BigDecimal. */
    private static Object typed(Attribute attribute, Object value) {
        if (value instanceof Number number && attribute.type() == AttributeType.INTEGER) {
            return number.longValue();
        }
        if (value instanceof Number number && attribute.type() == AttributeType.DECIMAL) {
            return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        }
        return value;
    }
}
