package org.chizu.tiles.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.chizu.platform.Audience;
import org.chizu.platform.jobs.JobRequests;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;

/**
 * What {@code POST /api/tiles/seed} asks for and the {@code tiles.seed} job keeps as its payload:
 * {@code {"layer": "roads", "bbox": "131.7,34.6,131.95,34.75", "zoom": "10-14", "format": "pmtiles"}}.
 * The bbox may also be an array of four numbers and the zoom one number; the format is pmtiles
 * unless said.
 */
record SeedJobRequest(String layer, JsonNode bbox, JsonNode zoom, String format) {

    /** More tiles than this in one job are refused: hours of work that is more likely a mistaken zoom range. */
    static final long MAX_TILES = 2_000_000;

    /** The request checked against the layers and parsed; staff started it, so staff-only layers may be seeded. */
    Plan plan(Tilesets tilesets) {
        if (layer == null || layer.isBlank()) {
            throw new IllegalArgumentException("seeding needs a layer (one id or several, comma-separated)");
        }
        Tileset tileset = tilesets.require(layer, Audience.STAFF);
        SeedArea area = SeedArea.parse(JobRequests.asParameter(bbox), JobRequests.asParameter(zoom));
        long tiles = area.tileCount();
        if (tiles > MAX_TILES) {
            throw new IllegalArgumentException("bbox and zoom cover " + tiles + " tiles, more than the " + MAX_TILES
                    + " one seeding job may render; seed a smaller box or fewer zooms");
        }
        ArchiveFormat archiveFormat = ArchiveFormat.named(format == null || format.isBlank() ? "pmtiles" : format);
        String fileName = tileset.name().replace(',', '+') + "-z" + area.minZoom() + "-" + area.maxZoom() + archiveFormat.extension();
        return new Plan(tileset, area, archiveFormat, fileName);
    }

    /** A seeding ready to run: which tiles, in which format, under which file name. */
    record Plan(Tileset tileset, SeedArea area, ArchiveFormat format, String fileName) {
    }
}
