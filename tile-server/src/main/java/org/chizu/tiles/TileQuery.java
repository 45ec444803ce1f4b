package org.chizu.tiles;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.GeometryKind;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.TileSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One layer's tile SQL, built once per zoom from its declaration (as Martin does) so that a request
 * only binds z, x and y. PostGIS does the work: the spatial index on the Web Mercator column picks
 * the features, {@code ST_AsMVTGeom} clips and quantizes, {@code ST_AsMVT} encodes.
 * At zooms the layer declares generalised, the SQL reads the layer's {@link GeneralizedTable}
 * instead of its rows. Identifiers come from the registry, which checked them against the database
 * and holds them to plain lower-case names; filter values are bound.
 */
public final class TileQuery {

    private static final String TEMPLATE = """
            select st_asmvt(tile, '{layer}', {extent}, '_geom', '_id')
            from (
                select {idColumn} as "_id",{attributes}
                       st_asmvtgeom({geometry}, st_tileenvelope(?, ?, ?), {extent}, {buffer}, true) as "_geom"
                from {table}
                where {geometryColumn} && st_tileenvelope(?, ?, ?, margin => {margin}){filter}
            ) as tile
            where "_geom" is not null""";

    /** Metres per screen pixel of a 256-pixel tile at zoom 0: the Web Mercator world's width / 256. */
    private static final double METRES_PER_PIXEL_AT_ZOOM_0 = 2 * 20037508.342789244 / 256;

    private static final byte[] EMPTY = new byte[0];

    private final Layer layer;
    /** Indexed by zoom; null outside the layer's zoom range. */
    private final String[] sqlByZoom = new String[TileSettings.MAX_ZOOM + 1];
    private final Object[][] filterValuesByZoom = new Object[TileSettings.MAX_ZOOM + 1][];

    public TileQuery(Layer layer) {
        this.layer = layer;
        TileSettings tiles = layer.tiles();
        for (int z = tiles.minzoom(); z <= tiles.maxzoom(); z++) {
            TileSettings.AtZoom atZoom = tiles.at(z, layer.attributes());
            sqlByZoom[z] = sql(atZoom, z);
            filterValuesByZoom[z] = atZoom.only().values().stream().flatMap(List::stream).toArray();
        }
    }

    /** The declaration this SQL was built from. */
    Layer layer() {
        return layer;
    }

    /** The layer's MVT for one tile: empty when no feature is in it or the zoom is outside the layer's range. */
    public byte[] render(TileCoordinate tile, JdbcTemplate jdbc) {
        String sql = sqlByZoom[tile.z()];
        if (sql == null) {
            return EMPTY;
        }
        Object[] filterValues = filterValuesByZoom[tile.z()];
        byte[] mvt = jdbc.query(sql, statement -> bind(statement, tile, filterValues),
                rs -> rs.next() ? rs.getBytes(1) : null);
        return mvt == null ? EMPTY : mvt;
    }

    private static void bind(PreparedStatement statement, TileCoordinate tile, Object[] filterValues) throws SQLException {
        for (int envelope = 0; envelope < 2; envelope++) {
            statement.setInt(envelope * 3 + 1, tile.z());
            statement.setInt(envelope * 3 + 2, tile.x());
            statement.setInt(envelope * 3 + 3, tile.y());
        }
        for (int i = 0; i < filterValues.length; i++) {
            statement.setString(7 + i, (String) filterValues[i]);
        }
    }

    private String sql(TileSettings.AtZoom atZoom, int z) {
        TileSettings tiles = layer.tiles();
        GeneralizedTable generalized = tiles.generalizationAt(z).map(g -> new GeneralizedTable(layer, g)).orElse(null);
        String table = generalized == null ? quote(layer.table()) : generalized.qualifiedName();
        String idColumn = quote(generalized == null ? layer.idColumn() : GeneralizedTable.ID_COLUMN);
        String geometryColumn = quote(generalized == null ? tiles.geometryColumn() : GeneralizedTable.GEOMETRY_COLUMN);
        // A table of features simplified ahead replaces simplifying at run time; merged lines are simplified again per zoom.
        boolean simplifiedAhead = generalized != null && !generalized.generalization().merges();
        double tolerance = simplifiedAhead ? 0 : atZoom.simplify() * METRES_PER_PIXEL_AT_ZOOM_0 / (1L << z);
        String geometry = tolerance > 0 && layer.geometry().kind() != GeometryKind.POINT
                ? "st_simplify(" + geometryColumn + ", " + number(tolerance) + ", true)"
                : geometryColumn;
        return TEMPLATE
                .replace("{layer}", layer.id())
                .replace("{extent}", Integer.toString(tiles.extent()))
                .replace("{buffer}", Integer.toString(tiles.buffer()))
                .replace("{margin}", number((double) tiles.buffer() / tiles.extent()))
                .replace("{idColumn}", idColumn)
                .replace("{attributes}", attributes(atZoom.attributes()))
                .replace("{geometry}", geometry)
                .replace("{table}", table)
                .replace("{geometryColumn}", geometryColumn)
                .replace("{filter}", filter(atZoom.only()));
    }

    /** MVT values are strings, numbers and booleans: decimals travel as doubles, dates as ISO text. */
    private static String attributes(List<Attribute> attributes) {
        List<String> columns = new ArrayList<>();
        for (Attribute attribute : attributes) {
            String column = quote(attribute.name());
            columns.add(switch (attribute.type()) {
                case DECIMAL -> column + "::double precision as " + column;
                case DATE -> column + "::text as " + column;
                case TEXT, INTEGER, BOOLEAN -> column;
            });
        }
        return columns.stream().map(c -> " " + c + ",").collect(Collectors.joining());
    }

    private static String filter(Map<Attribute, List<String>> only) {
        return only.entrySet().stream()
                .map(e -> "\n      and " + quote(e.getKey().name()) + " in ("
                        + String.join(", ", e.getValue().stream().map(v -> "?").toList()) + ")")
                .collect(Collectors.joining());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
