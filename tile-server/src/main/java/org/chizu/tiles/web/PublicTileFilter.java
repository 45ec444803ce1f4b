package org.chizu.tiles.web;

import java.io.IOException;

import org.chizu.gis.layer.Audience;
import org.chizu.tiles.Tile;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileService;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers {@code GET /tiles/{layers}/{z}/{x}/{y}.mvt} for tilesets of public layers before the
 * security filter chain and Spring MVC run. Such a tile is the same for everyone, so there is
 * nobody to authenticate, and on a cached tile those layers would cost more than sending its bytes.
 * Everything else goes on unchanged to {@link TileController}: tilesets with a staff-only layer,
 * requests with credentials (so a bad token is still refused), addresses that are not tiles, and
 * a tile whose rendering failed (the controller tries once more and reports the failure as a problem
 * document). The response is written by {@link TileResponses}, as the controller's is.
 */
@Component
class PublicTileFilter extends HttpFilter implements Ordered {

    private static final String PREFIX = "/tiles/";

    private final Tilesets tilesets;
    private final TileService tiles;
    private final TileResponses responses;

    PublicTileFilter(Tilesets tilesets, TileService tiles, TileResponses responses) {
        this.tilesets = tilesets;
        this.tiles = tiles;
        this.responses = responses;
    }

    /** First of all filters: a public tile needs none of the others. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!servePublicTile(request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean servePublicTile(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!path.startsWith(PREFIX) || !request.getContextPath().isEmpty() || !"GET".equals(request.getMethod())
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return false;
        }
        Tileset tileset;
        Tile tile;
        try {
            tileset = tilesets.require(parts[0], Audience.PUBLIC);
            tile = tiles.tile(tileset, TileCoordinate.parse(parts[1], parts[2], TileController.rowOf(parts[3])));
        } catch (RuntimeException e) {
            // An unknown or staff-only layer, an address off the grid, a failed rendering: nothing is
            // written yet, so the controller answers for the caller's own audience, with a problem document.
            return false;
        }
        responses.write(response, tileset, tile, request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        return true;
    }
}
