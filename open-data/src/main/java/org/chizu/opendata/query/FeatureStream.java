package org.chizu.opendata.query;

import java.io.IOException;

/**
 * Features read lazily: nothing is read until {@link #forEach} runs, and then one database cursor
 * hands them over in batches, so a stream of any length takes constant memory.
 *
 * @param <T> how each feature arrives
 */
@FunctionalInterface
public interface FeatureStream<T> {

    /** Receives one feature; may write it out. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(T feature) throws IOException;
    }

    /**
     * Reads every feature, in id order, into the sink.
     *
     * @return how many features there were
     */
    long forEach(Sink<T> sink) throws IOException;
}
