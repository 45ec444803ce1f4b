package org.chizu.tiles.web;

import java.io.IOException;

import org.chizu.accounts.CurrentAudience;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileOutOfRangeException;
import org.chizu.tiles.TileService;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /tiles/{layers}/{z}/{x}/{y}.mvt}: a Mapbox Vector Tile of one layer ("roads") or of
 * several in one ("roads,facilities"). {@code .pbf} is accepted as well, as many clients write it.
 */
@RestController
class TileController {

    private final Tilesets tilesets;
    private final TileService tiles;
    private final TileResponses responses;
    private final CurrentAudience audience;

    TileController(Tilesets tilesets, TileService tiles, TileResponses responses, CurrentAudience audience) {
        this.tilesets = tilesets;
        this.tiles = tiles;
        this.responses = responses;
        this.audience = audience;
    }

    @GetMapping("/tiles/{layers}/{z}/{x}/{file}")
    void tile(@PathVariable String layers, @PathVariable String z, @PathVariable String x, @PathVariable String file,
              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
              @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
              HttpServletResponse response) throws IOException {
        Tileset tileset = tilesets.require(layers, audience.get());
        TileCoordinate coordinate = TileCoordinate.parse(z, x, rowOf(file));
        responses.write(response, tileset, tiles.tile(tileset, coordinate), ifNoneMatch, acceptEncoding);
    }

    /** The row of a tile file name, {y}.mvt or {y}.pbf. */
    static String rowOf(String file) {
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!format.equals("mvt") && !format.equals("pbf")) {
            throw new TileOutOfRangeException("Tiles are served as Mapbox Vector Tiles: ask for {y}.mvt, not " + file + ".");
        }
        return file.substring(0, dot);
    }
}
