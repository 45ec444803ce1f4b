package org.chizu.tiles.web;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.chizu.tiles.Tile;
import org.chizu.tiles.TileProperties;
import org.chizu.tiles.Tileset;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a tile as the HTTP response, with conditional requests and content coding done right:
 * strong ETags per representation, 304 for a matching If-None-Match, gzip when the client accepts
 * it, Vary on Accept-Encoding, and Cache-Control that lets shared caches keep only public tiles.
 * An empty tile is 204 No Content, as Martin answers. Every tile response, whether from a
 * controller, from {@link PublicTileFilter} or from {@link CachedTileFront}, is worked out here.
 */
@Component
public class TileResponses {

    public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");
    static final String MVT_TYPE = MVT.toString();

    private final String publicTiles;
    private final String privateTiles;

    TileResponses(TileProperties properties) {
        long seconds = properties.browserMaxAge().toSeconds();
        this.publicTiles = cacheControl(seconds).cachePublic().getHeaderValue();
        this.privateTiles = cacheControl(seconds).cachePrivate().getHeaderValue();
    }

    private static CacheControl cacheControl(long maxAgeSeconds) {
        return maxAgeSeconds > 0 ? CacheControl.maxAge(maxAgeSeconds, TimeUnit.SECONDS) : CacheControl.noCache();
    }

    public void write(HttpServletResponse response, Tileset tileset, Tile tile, String ifNoneMatch, String acceptEncoding)
            throws IOException {
        TileResponse answer = answer(tileset, tile, ifNoneMatch, acceptEncoding);
        response.setStatus(answer.status());
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!answer.hasBody()) {
            return;
        }
        response.setContentType(MVT_TYPE);
        if (answer.contentEncoding() != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, answer.contentEncoding());
        }
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    TileResponse answer(Tileset tileset, Tile tile, String ifNoneMatch, String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding) && !tile.isEmpty();
        int status = matches(ifNoneMatch, tile) ? HttpServletResponse.SC_NOT_MODIFIED
                : tile.isEmpty() ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_OK;
        String etag = gzip ? tile.gzipEtag() : tile.etag();
        String cacheControl = tileset.isPublic() ? publicTiles : privateTiles;
        if (status != HttpServletResponse.SC_OK) {
            return new TileResponse(status, etag, cacheControl, null, null);
        }
        return gzip ? new TileResponse(status, etag, cacheControl, "gzip", tile.gzipped())
                : new TileResponse(status, etag, cacheControl, null, tile.mvt());
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a tag matches with or without W/. */
    private static boolean matches(String ifNoneMatch, Tile tile) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(tile.etag()) || tag.equals(tile.gzipEtag())) {
                return true;
            }
        }
        return false;
    }

    /** Whether Accept-Encoding lists gzip (or *) without refusing it with q=0. */
    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
