package org.chizu.tiles;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the tile server.
 *
 * @param cacheDirectory where rendered tiles are kept across restarts; {@code .chizu/cache/tiles} by default
 * @param memoryCache    how much heap the in-memory tile cache may take; 256 MB by default
 * @param browserMaxAge  how long browsers and proxies may reuse a tile without asking again; zero
 *                       (the default) makes them revalidate every time, which costs a 304 and shows
 *                       an edit at once
 * @param cacheEnabled   whether rendered tiles are kept at all; true by default. Off, every request
 *                       renders its tile afresh (for measuring the database path, bench/tiles.sh)
 * @param generalizeRetry how long after a failed rebuild of a generalised table it is tried again; 30 s by default
 */
@ConfigurationProperties("chizu.tiles")
public record TileProperties(Path cacheDirectory, DataSize memoryCache, Duration browserMaxAge, Boolean cacheEnabled,
        Duration generalizeRetry) {

    public TileProperties {
        cacheDirectory = cacheDirectory == null ? Path.of(".chizu", "cache", "tiles") : cacheDirectory;
        memoryCache = memoryCache == null ? DataSize.ofMegabytes(256) : memoryCache;
        browserMaxAge = browserMaxAge == null ? Duration.ZERO : browserMaxAge;
        cacheEnabled = cacheEnabled == null || cacheEnabled;
        generalizeRetry = generalizeRetry == null ? Duration.ofSeconds(30) : generalizeRetry;
    }
}
