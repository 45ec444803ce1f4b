package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import org.chizu.opendata.query.FeatureStream;

/**
 * Writes a GeoJSON FeatureCollection (RFC 7946) from features PostgreSQL has already encoded, so
 * this only copies bytes. RFC 7946 knows only CRS84; in another CRS the output is GeoJSON as OGC API
 * Features allows it, with the CRS announced outside the document.
 */
public final class GeoJsonEncoder {

    private static final byte[] START = "{\"type\":\"FeatureCollection\",".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FEATURES = "\"features\":[\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SEPARATOR = ",\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "\n]}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_FEATURES = "\n],".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_OF_MEMBERS = "}\n".getBytes(StandardCharsets.UTF_8);

    /** @return how many features were written */
    public long write(FeatureStream<byte[]> features, OutputStream out) throws IOException {
        out.write(START);
        out.write(FEATURES);
        long count = writeFeatures(features, out);
        out.write(END);
        return count;
    }

    /**
     * A collection with further members, as OGC API pages have them.
     *
     * @param leading  members written before the features, as JSON text ending in a comma ("\"a\":1,"), or ""
     * @param trailing the members written after them, given how many features there were, as JSON
     *                 text without a trailing comma
     * @return how many features were written
     */
    public long write(FeatureStream<byte[]> features, OutputStream out, String leading, LongFunction<String> trailing)
            throws IOException {
        out.write(START);
        out.write(leading.getBytes(StandardCharsets.UTF_8));
        out.write(FEATURES);
        long count = writeFeatures(features, out);
        out.write(END_OF_FEATURES);
        out.write(trailing.apply(count).getBytes(StandardCharsets.UTF_8));
        out.write(END_OF_MEMBERS);
        return count;
    }

    private static long writeFeatures(FeatureStream<byte[]> features, OutputStream out) throws IOException {
        boolean[] first = {true};
        long count = features.forEach(feature -> {
            if (!first[0]) {
                out.write(SEPARATOR);
            }
            first[0] = false;
            out.write(feature);
        });
        return count;
    }
}
