package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.chizu.opendata.query.FeatureStream;

/**
 * Writes a GeoJSON FeatureCollection (RFC 7946) from features PostgreSQL has already encoded, so
 * this only copies bytes. RFC 7946 knows only CRS84; in another CRS the output is GeoJSON as OGC API
 * Features allows it, with the CRS announced outside the document.
 */
public final class GeoJsonEncoder {

    private static final byte[] START = "{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n]}\n".getBytes(StandardCharsets.UTF_8);

    /** @return how many features were written */
    public long write(FeatureStream<byte[]> features, OutputStream out) throws IOException {
        out.write(START);
        boolean[] first = {true};
        long count = features.forEach(feature -> {
            if (!first[0]) {
                out.write(SEPARATOR);
            }
            first[0] = false;
            out.write(feature);
        });
        out.write(END);
        return count;
    }
}
