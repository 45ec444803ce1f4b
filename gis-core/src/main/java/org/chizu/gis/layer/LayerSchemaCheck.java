package org.chizu.gis.layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks declarations against the database, so a mismatch stops start-up with a list of what is
 * wrong instead of failing later inside a tile or download request.
 */
class LayerSchemaCheck {

    private static final Logger log = LoggerFactory.getLogger(LayerSchemaCheck.class);

    private final JdbcTemplate jdbc;

    LayerSchemaCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the schema holds, read in four queries whatever the number of layers. */
    private record Schema(Map<String, Map<String, String>> columns, Map<String, Map<String, GeometryColumn>> geometries,
            Map<String, List<String>> indexes, Set<String> views) {
    }

    private record GeometryColumn(String type, int srid) {
    }

    void verify(List<Layer> layers) {
        List<String> problems = problemsOf(layers);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("layer declarations do not match the database:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** What does not match the database, one line each naming its layer; empty when all match. */
    List<String> problemsOf(List<Layer> layers) {
        Schema schema = readSchema();
        List<String> problems = new ArrayList<>();
        for (Layer layer : layers) {
            problems.addAll(problemsOf(layer, schema));
        }
        return problems;
    }

    private Schema readSchema() {
        Map<String, Map<String, String>> columns = new HashMap<>();
        jdbc.query("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()""",
                rs -> {
                    columns.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        Map<String, Map<String, GeometryColumn>> geometries = new HashMap<>();
        jdbc.query("""
                select f_table_name, f_geometry_column, type, srid from geometry_columns
                where f_table_schema = current_schema()""",
                rs -> {
                    geometries.computeIfAbsent(rs.getString(1), t -> new HashMap<>())
                            .put(rs.getString(2), new GeometryColumn(rs.getString(3), rs.getInt(4)));
                });
        Map<String, List<String>> indexes = new HashMap<>();
        jdbc.query("""
                select tablename, indexdef from pg_indexes where schemaname = current_schema()""",
                rs -> {
                    indexes.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                });
        Set<String> views = new HashSet<>(jdbc.queryForList(
                "select table_name from information_schema.views where table_schema = current_schema()", String.class));
        return new Schema(columns, geometries, indexes, views);
    }

    private List<String> problemsOf(Layer layer, Schema schema) {
        Map<String, String> columns = schema.columns().getOrDefault(layer.table(), Map.of());
        String where = "layer " + layer.id() + ": ";
        if (columns.isEmpty()) {
            return List.of(where + "table " + layer.table() + " does not exist; create it first (a migration, or SQL by the"
                    + " database administrator), then declare the layer");
        }
        List<String> problems = new ArrayList<>();
        if (!columns.containsKey(layer.idColumn())) {
            problems.add(where + "id column " + layer.idColumn() + " does not exist");
        }
        for (Attribute attribute : layer.attributes()) {
            String columnType = columns.get(attribute.name());
            if (columnType == null) {
                problems.add(where + "attribute " + attribute.name() + " has no column");
            } else if (!attribute.type().storableIn(columnType)) {
                problems.add(where + "attribute " + attribute.name() + " is declared " + attribute.type()
                        + " but its column is " + columnType);
            }
        }
        problems.addAll(geometryProblems(layer, where, schema));
        return problems;
    }

    private List<String> geometryProblems(Layer layer, String where, Schema schema) {
        LayerGeometry geometry = layer.geometry();
        Map<String, GeometryColumn> geometries = schema.geometries().getOrDefault(layer.table(), Map.of());
        GeometryColumn found = geometries.get(geometry.column());
        if (found == null) {
            return List.of(where + "geometry column " + geometry.column() + " does not exist or has no type");
        }
        List<String> problems = new ArrayList<>();
        if (!found.type().equalsIgnoreCase(geometry.kind().postgisName())) {
            problems.add(where + "geometry is declared " + geometry.kind().postgisName() + " but stored as " + found.type());
        }
        if (found.srid() != geometry.srid()) {
            problems.add(where + "geometry is declared in EPSG:" + geometry.srid() + " but stored in EPSG:" + found.srid());
        }
        problems.addAll(tileGeometryProblems(layer, where, geometries));
        // A view has no indexes of its own: it is as quick as those of the tables under it.
        if (!schema.views().contains(layer.table())) {
            List<String> indexes = schema.indexes().getOrDefault(layer.table(), List.of());
            warnWithoutSpatialIndex(layer, geometry.column(), indexes);
            warnWithoutSpatialIndex(layer, layer.tiles().geometryColumn(), indexes);
        }
        return problems;
    }

    /** Tiles are cut from a Web Mercator column so that no tile request reprojects. */
    private static List<String> tileGeometryProblems(Layer layer, String where, Map<String, GeometryColumn> geometries) {
        String column = layer.tiles().geometryColumn();
        GeometryColumn tiles = geometries.get(column);
        if (tiles == null) {
            return List.of(where + "tiles geometry column " + column + " does not exist; add a generated column "
                    + column + " = st_transform(" + layer.geometry().column() + ", 3857) with a GiST index");
        }
        if (tiles.srid() != 3857) {
            return List.of(where + "tiles geometry column " + column + " is in EPSG:" + tiles.srid() + ", not EPSG:3857");
        }
        return List.of();
    }

    private static void warnWithoutSpatialIndex(Layer layer, String column, List<String> indexes) {
        boolean indexed = indexes.stream().anyMatch(def -> def.toLowerCase().contains("using gist")
                && def.contains("(" + column + ")"));
        if (!indexed) {
            log.warn("layer {}: {}.{} has no GiST index; spatial queries on it will be slow",
                    layer.id(), layer.table(), column);
        }
    }
}
