package org.chizu.gis.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    void verify(List<Layer> layers) {
        List<String> problems = new ArrayList<>();
        for (Layer layer : layers) {
            problems.addAll(problemsOf(layer));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("layer declarations do not match the database:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private List<String> problemsOf(Layer layer) {
        Map<String, String> columns = jdbc.query("""
                select column_name, data_type from information_schema.columns
                where table_schema = current_schema() and table_name = ?""",
                rs -> {
                    Map<String, String> found = new java.util.HashMap<>();
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                    return found;
                }, layer.table());
        String where = "layer " + layer.id() + ": ";
        if (columns.isEmpty()) {
            return List.of(where + "table " + layer.table() + " does not exist");
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
        problems.addAll(geometryProblems(layer, where));
        return problems;
    }

    private List<String> geometryProblems(Layer layer, String where) {
        LayerGeometry geometry = layer.geometry();
        List<Map<String, Object>> found = jdbc.queryForList("""
                select type, srid from geometry_columns
                where f_table_schema = current_schema() and f_table_name = ? and f_geometry_column = ?""",
                layer.table(), geometry.column());
        if (found.isEmpty()) {
            return List.of(where + "geometry column " + geometry.column() + " does not exist or has no type");
        }
        String type = (String) found.get(0).get("type");
        int srid = ((Number) found.get(0).get("srid")).intValue();
        List<String> problems = new ArrayList<>();
        if (!type.equalsIgnoreCase(geometry.kind().postgisName())) {
            problems.add(where + "geometry is declared " + geometry.kind().postgisName() + " but stored as " + type);
        }
        if (srid != geometry.srid()) {
            problems.add(where + "geometry is declared in EPSG:" + geometry.srid() + " but stored in EPSG:" + srid);
        }
        problems.addAll(tileGeometryProblems(layer, where));
        warnWithoutSpatialIndex(layer, geometry.column());
        warnWithoutSpatialIndex(layer, layer.tiles().geometryColumn());
        return problems;
    }

    /** Tiles are cut from a Web Mercator column so that no tile request reprojects. */
    private List<String> tileGeometryProblems(Layer layer, String where) {
        String column = layer.tiles().geometryColumn();
        List<Integer> srids = jdbc.queryForList("""
                select srid from geometry_columns
                where f_table_schema = current_schema() and f_table_name = ? and f_geometry_column = ?""",
                Integer.class, layer.table(), column);
        if (srids.isEmpty()) {
            return List.of(where + "tiles geometry column " + column + " does not exist; add a generated column "
                    + column + " = st_transform(" + layer.geometry().column() + ", 3857) with a GiST index");
        }
        if (srids.get(0) != 3857) {
            return List.of(where + "tiles geometry column " + column + " is in EPSG:" + srids.get(0) + ", not EPSG:3857");
        }
        return List.of();
    }

    private void warnWithoutSpatialIndex(Layer layer, String column) {
        List<String> indexes = jdbc.queryForList("""
                select indexdef from pg_indexes where schemaname = current_schema() and tablename = ?""",
                String.class, layer.table());
        boolean indexed = indexes.stream().anyMatch(def -> def.toLowerCase().contains("using gist")
                && def.contains("(" + column + ")"));
        if (!indexed) {
            log.warn("layer {}: {}.{} has no GiST index; spatial queries on it will be slow",
                    layer.id(), layer.table(), column);
        }
    }
}
