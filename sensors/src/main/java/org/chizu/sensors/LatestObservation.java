package org.chizu.sensors;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A datastream's newest observation by phenomenon time (ties go to the later one appended). */
public record LatestObservation(long datastreamId, long observationId, TimeInterval phenomenonTime, Instant resultTime,
                                JsonNode result) {
}
