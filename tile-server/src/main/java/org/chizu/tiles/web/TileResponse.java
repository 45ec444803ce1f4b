package org.chizu.tiles.web;

/**
 * A tile's HTTP answer, worked out by {@link TileResponses} apart from any server API, so that the
 * servlet path and {@link CachedTileFront} send the same status and headers. {@code contentEncoding}
 * is "gzip" or null; {@code body} is null unless the status is 200 OK. Every answer also carries
 * {@code Vary: Accept-Encoding}, and one with a body is of type {@link TileResponses#MVT}.
 */
record TileResponse(int status, String etag, String cacheControl, String contentEncoding, byte[] body) {

    boolean hasBody() {
        return body != null;
    }
}
