package org.chizu.tiles.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;

/**
 * An MBTiles 1.3 archive being written: an SQLite file with a {@code metadata} table and a
 * {@code tiles} table of gzip-compressed MVT blobs. MBTiles numbers rows from the south (TMS), so
 * XYZ's y is flipped on the way in. Everything is written in one transaction, committed by
 * {@link #finish()}; closing without finishing rolls it back.
 */
final class MbtilesArchive implements TileArchive {

    private static final int BATCH = 500;

    private final Connection sqlite;
    private final PreparedStatement insertTile;
    private int pending;

    MbtilesArchive(Path file, ArchiveMetadata metadata, ObjectMapper json) throws SQLException, JsonProcessingException {
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement schema = sqlite.createStatement()) {
            schema.execute("create table metadata (name text, value text)");
            schema.execute("create table tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
            schema.execute("create unique index tile_index on tiles (zoom_level, tile_column, tile_row)");
        }
        sqlite.setAutoCommit(false);
        insertMetadata(entries(metadata, json));
        insertTile = sqlite.prepareStatement("insert into tiles (zoom_level, tile_column, tile_row, tile_data) values (?, ?, ?, ?)");
    }

    private static Map<String, String> entries(ArchiveMetadata metadata, ObjectMapper json) throws JsonProcessingException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("name", metadata.name());
        entries.put("description", metadata.description());
        entries.put("format", "pbf");
        entries.put("type", "overlay");
        entries.put("version", "1.3");
        entries.put("bounds", String.format(Locale.ROOT, "%f,%f,%f,%f", metadata.bounds().minLon(), metadata.bounds().minLat(),
                metadata.bounds().maxLon(), metadata.bounds().maxLat()));
        entries.put("center", String.format(Locale.ROOT, "%f,%f,%d", metadata.centerLon(), metadata.centerLat(), metadata.minZoom()));
        entries.put("minzoom", Integer.toString(metadata.minZoom()));
        entries.put("maxzoom", Integer.toString(metadata.maxZoom()));
        entries.put("json", json.writeValueAsString(Map.of("vector_layers", metadata.vectorLayers())));
        return entries;
    }

    private void insertMetadata(Map<String, String> entries) throws SQLException {
        try (PreparedStatement insert = sqlite.prepareStatement("insert into metadata (name, value) values (?, ?)")) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public void tile(TileCoordinate coordinate, Tile tile) throws SQLException {
        insertTile.setInt(1, coordinate.z());
        insertTile.setInt(2, coordinate.x());
        insertTile.setInt(3, (1 << coordinate.z()) - 1 - coordinate.y());
        insertTile.setBytes(4, tile.gzipped());
        insertTile.addBatch();
        if (++pending == BATCH) {
            insertTile.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void finish() throws SQLException {
        insertTile.executeBatch();
        sqlite.commit();
    }

    @Override
    public void close() throws SQLException {
        try (sqlite; insertTile) {
            sqlite.rollback(); // undoes nothing once finished
        }
    }
}
