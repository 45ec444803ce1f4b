package org.chizu.sensors;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A reading to append, of a Datastream ({@link NewObservation}) or of a MultiDatastream ({@link NewMultiObservation}). */
public sealed interface Reading permits NewObservation, NewMultiObservation {

    ObservationStream stream();

    /** The id of its Datastream or MultiDatastream. */
    long streamId();

    TimeInterval phenomenonTime();

    Instant resultTime();

    JsonNode result();

    Long featureOfInterestId();

    JsonNode resultQuality();

    TimeInterval validTime();

    JsonNode parameters();
}
