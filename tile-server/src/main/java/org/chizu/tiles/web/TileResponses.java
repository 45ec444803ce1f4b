package org.chizu.tiles.web;

import java.util.concurrent.TimeUnit;

import org.chizu.tiles.Tile;
import org.chizu.tiles.TileProperties;
import org.chizu.tiles.Tileset;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Turns a tile into an HTTP response with conditional requests and content coding done right:
 * strong ETags per representation, 304 for a matching If-None-Match, gzip when the client accepts
 * it, Vary on Accept-Encoding, and Cache-Control that lets shared caches keep only public tiles.
 * An empty tile is 204 No Content, as Martin answers.
 */
@Component
public class TileResponses {

    public static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    private final CacheControl publicTiles;
    private final CacheControl privateTiles;

    TileResponses(TileProperties properties) {
        long seconds = properties.browserMaxAge().toSeconds();
        this.publicTiles = cacheControl(seconds).cachePublic();
        this.privateTiles = cacheControl(seconds).cachePrivate();
    }

    private static CacheControl cacheControl(long maxAgeSeconds) {
        return maxAgeSeconds > 0 ? CacheControl.maxAge(maxAgeSeconds, TimeUnit.SECONDS) : CacheControl.noCache();
    }

    public ResponseEntity<byte[]> respond(Tileset tileset, Tile tile, String ifNoneMatch, String acceptEncoding) {
        boolean gzip = acceptsGzip(acceptEncoding) && !tile.isEmpty();
        HttpStatus status = matches(ifNoneMatch, tile) ? HttpStatus.NOT_MODIFIED
                : tile.isEmpty() ? HttpStatus.NO_CONTENT : HttpStatus.OK;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .eTag(gzip ? tile.gzipEtag() : tile.etag())
                .cacheControl(tileset.isPublic() ? publicTiles : privateTiles)
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        if (status != HttpStatus.OK) {
            return response.build();
        }
        response.contentType(MVT);
        if (gzip) {
            return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(tile.gzipped());
        }
        return response.body(tile.mvt());
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
