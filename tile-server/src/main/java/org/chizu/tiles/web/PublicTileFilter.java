package org.chizu.tiles.web;

import java.io.IOException;
import java.util.Optional;

import org.chizu.tiles.Tile;
import org.chizu.tiles.TileService;
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
 * Answers a request for a public tile ({@link PublicTileAddress}) before the security filter chain
 * and Spring MVC run, reading it from disk or rendering it; a tile already in memory was answered
 * earlier still, by {@link CachedTileFront}. Everything else goes on unchanged to
 * {@link TileController}, as does a tile whose rendering failed (the controller tries once more and
 * reports the failure as a problem document). The response is written by {@link TileResponses}, as
 * the controller's is.
 */
@Component
class PublicTileFilter extends HttpFilter implements Ordered {

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
        Optional<PublicTileAddress> address = request.getContextPath().isEmpty()
                ? PublicTileAddress.of(tilesets, request.getMethod(), request.getRequestURI(), request.getHeader(HttpHeaders.AUTHORIZATION))
                : Optional.empty();
        if (address.isEmpty()) {
            return false;
        }
        Tile tile;
        try {
            tile = tiles.tile(address.get().tileset(), address.get().coordinate());
        } catch (RuntimeException e) {
            // Nothing is written yet: the controller tries again and answers with a problem document.
            return false;
        }
        responses.write(response, address.get().tileset(), tile, request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        return true;
    }
}
