package org.chizu.tiles.seed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.chizu.tiles.TileCoordinate;

/**
 * An MBTiles 1.3 archive being written: an SQLite file with a {@code metadata} table and a
 * {@code tiles} table of gzip-compressed MVT blobs. MBTiles numbers rows from the south (TMS), so
 * XYZ's y is flipped on the way in. Tiles are written in one transaction, committed by {@link #close()}.
 */
final class MbtilesArchive implements AutoCloseable {

    private static final int BATCH = 500;

    private final Connection sqlite;
    private final PreparedStatement insertTile;
    private int pending;

    MbtilesArchive(Path file) throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement schema = sqlite.createStatement()) {
            schema.execute("create table metadata (name text, value text)");
            schema.execute("create table tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
            schema.execute("create unique index tile_index on tiles (zoom_level, tile_column, tile_row)");
        }
        sqlite.setAutoCommit(false);
        insertTile = sqlite.prepareStatement("insert into tiles (zoom_level, tile_column, tile_row, tile_data) values (?, ?, ?, ?)");
    }

    void metadata(Map<String, String> entries) throws SQLException {
        try (PreparedStatement insert = sqlite.prepareStatement("insert into metadata (name, value) values (?, ?)")) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void tile(TileCoordinate tile, byte[] gzippedMvt) throws SQLException {
        insertTile.setInt(1, tile.z());
        insertTile.setInt(2, tile.x());
        insertTile.setInt(3, (1 << tile.z()) - 1 - tile.y());
        insertTile.setBytes(4, gzippedMvt);
        insertTile.addBatch();
        if (++pending == BATCH) {
            insertTile.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try (sqlite; insertTile) {
            insertTile.executeBatch();
            sqlite.commit();
        }
    }
}
