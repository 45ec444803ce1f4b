package org.chizu.sensors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reading to append. A numeric result is stored as a number (compared and indexed as one), any
 * other JSON as it is.
 *
 * @param datastreamId       the datastream it belongs to
 * @param phenomenonTime     when the phenomenon was observed
 * @param resultTime         when the result was produced, or null
 * @param result             the value, never null (JSON null is a value)
 * @param featureOfInterestId what was observed, or null for the feature made from the Thing's Location
 * @param resultQuality      optional quality of the result (SensorThings DQ_Element), or null
 * @param validTime          optional validity, or null
 * @param parameters         optional key-value pairs about the reading, or null
 */
public record NewObservation(long datastreamId, TimeInterval phenomenonTime, java.time.Instant resultTime, JsonNode result,
                             Long featureOfInterestId, JsonNode resultQuality, TimeInterval validTime, JsonNode parameters)
        implements Reading {

    public NewObservation {
        if (phenomenonTime == null) {
            throw new IllegalArgumentException("an observation needs its phenomenonTime");
        }
        if (result == null) {
            throw new IllegalArgumentException("an observation needs its result");
        }
    }

    @Override
    public ObservationStream stream() {
        return ObservationStream.DATASTREAM;
    }

    @Override
    public long streamId() {
        return datastreamId;
    }

    /** A plain reading: a datastream, a time and a value, at the Thing's Location. */
    public static NewObservation of(long datastreamId, java.time.Instant phenomenonTime, JsonNode result) {
        return new NewObservation(datastreamId, TimeInterval.at(phenomenonTime), null, result, null, null, null, null);
    }
}
