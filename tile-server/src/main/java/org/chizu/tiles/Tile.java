package org.chizu.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered tile with what a response needs: the MVT bytes, their gzip encoding and a strong
 * entity tag. The gzip encoding is made on first use and then kept, so a cached tile costs no work
 * per request and an uncached one costs none for a client that does not accept gzip. A tile that
 * enters the memory cache is encoded then, as its weight counts both forms.
 * Invariant: {@code gzipped()} decompresses to {@code mvt()}; {@code etag} is derived from
 * {@code mvt} alone. The arrays are never modified after construction.
 */
public final class Tile {

    private final byte[] mvt;
    /** Null until first asked for; computing it twice in a race gives equal bytes, so no lock. */
    private volatile byte[] gzipped;
    private final String etag;
    private final String gzipEtag;

    private Tile(byte[] mvt, byte[] gzipped) {
        this.mvt = mvt;
        this.gzipped = gzipped;
        String digest = digest(mvt);
        this.etag = '"' + digest + '"';
        this.gzipEtag = '"' + digest + "-gzip\"";
    }

    public static Tile of(byte[] mvt) {
        return new Tile(mvt, null);
    }

    public static Tile ofGzipped(byte[] gzipped) {
        return new Tile(gunzip(gzipped), gzipped);
    }

    /** The MVT bytes; empty when the tile has no feature. Not to be modified. */
    public byte[] mvt() {
        return mvt;
    }

    /** The gzip-encoded MVT bytes. Not to be modified. */
    public byte[] gzipped() {
        byte[] encoded = gzipped;
        if (encoded == null) {
            encoded = gzip(mvt);
            gzipped = encoded;
        }
        return encoded;
    }

    /** The strong entity tag of the uncompressed tile, quoted. */
    public String etag() {
        return etag;
    }

    /** The strong entity tag of the gzip-encoded tile: a different representation needs a different tag. */
    public String gzipEtag() {
        return gzipEtag;
    }

    public boolean isEmpty() {
        return mvt.length == 0;
    }

    /** The heap the tile takes in the memory cache, roughly. */
    int weight() {
        return mvt.length + gzipped().length + 64;
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Gzip-encodes bytes in memory, as tiles and the seed command's archive directories are sent. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 32);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
