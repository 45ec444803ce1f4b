package org.chizu.opendata.query;

import java.io.IOException;

/**
 * One page of features as GeoJSON, read lazily with how many features match the query in all
 * (numberMatched), both from one statement. Like a {@link FeatureStream}, nothing is read until
 * {@link #read} runs, and a page of any size takes constant memory.
 */
@FunctionalInterface
public interface GeoJsonPage {

    /** Receives the page: first how many features match, then each feature of the page in id order. */
    interface Reader {
        /** Called exactly once, before the first feature. */
        void matched(long numberMatched) throws IOException;

        /** One complete GeoJSON Feature (RFC 7946), UTF-8 encoded. */
        void feature(byte[] geoJson) throws IOException;
    }

    /** @return how many features the page has (numberReturned) */
    long read(Reader reader) throws IOException;
}
