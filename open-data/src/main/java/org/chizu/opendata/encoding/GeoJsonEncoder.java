package org.chizu.opendata.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

import org.chizu.opendata.query.FeatureStream;
import org.chizu.opendata.query.GeoJsonPage;

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
     * A page as OGC API – Features has it: a collection with further members before and after its features.
     *
     * @param leading  the members written before the features, given numberMatched, as JSON text ending in
     *                 a comma ("\"a\":1,")
     * @param trailing the members written after them, given how many features there were, as JSON text
     *                 without a trailing comma
     * @return how many features were written
     */
    public long write(GeoJsonPage page, OutputStream out, LongFunction<String> leading, LongFunction<String> trailing)
            throws IOException {
        FeatureList list = new FeatureList(out);
        long count = page.read(new GeoJsonPage.Reader() {
            @Override
            public void matched(long numberMatched) throws IOException {
                out.write(START);
                out.write(leading.apply(numberMatched).getBytes(StandardCharsets.UTF_8));
                out.write(FEATURES);
            }

            @Override
            public void feature(byte[] geoJson) throws IOException {
                list.add(geoJson);
            }
        });
        out.write(END_OF_FEATURES);
        out.write(trailing.apply(count).getBytes(StandardCharsets.UTF_8));
        out.write(END_OF_MEMBERS);
        return count;
    }

    private static long writeFeatures(FeatureStream<byte[]> features, OutputStream out) throws IOException {
        return features.forEach(new FeatureList(out)::add);
    }

    /** The features array's elements, separated. */
    private static final class FeatureList {
        private final OutputStream out;
        private boolean empty = true;

        FeatureList(OutputStream out) {
            this.out = out;
        }

        void add(byte[] feature) throws IOException {
            if (!empty) {
                out.write(SEPARATOR);
            }
            empty = false;
            out.write(feature);
        }
    }
}
