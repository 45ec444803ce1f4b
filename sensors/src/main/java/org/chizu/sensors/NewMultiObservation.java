package org.chizu.sensors;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reading of a MultiDatastream: its result is an array with one value per ObservedProperty, in
 * the MultiDatastream's order (checked when appended).
 *
 * @param multiDatastreamId   the MultiDatastream it belongs to
 * @param featureOfInterestId what was observed, or null for the feature made from the Thing's Location
 * @see NewObservation for the other components
 */
public record NewMultiObservation(long multiDatastreamId, TimeInterval phenomenonTime, Instant resultTime, JsonNode result,
                                  Long featureOfInterestId, JsonNode resultQuality, TimeInterval validTime, JsonNode parameters)
        implements Reading {

    public NewMultiObservation {
        if (phenomenonTime == null) {
            throw new IllegalArgumentException("an observation needs its phenomenonTime");
        }
        if (result == null || !result.isArray()) {
            throw new IllegalArgumentException("the result of a MultiDatastream's observation is an array, one value per ObservedProperty");
        }
    }

    @Override
    public ObservationStream stream() {
        return ObservationStream.MULTI_DATASTREAM;
    }

    @Override
    public long streamId() {
        return multiDatastreamId;
    }

    /** A plain reading: a MultiDatastream, a time and its array of values, at the Thing's Location. */
    public static NewMultiObservation of(long multiDatastreamId, Instant phenomenonTime, JsonNode result) {
        return new NewMultiObservation(multiDatastreamId, TimeInterval.at(phenomenonTime), null, result, null, null, null, null);
    }
}
