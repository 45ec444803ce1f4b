package org.chizu.sensors;

import java.util.List;

/**
 * Published by {@link MultiObservations#append} inside its transaction, once per batch: what was
 * stored. Listen with {@code @TransactionalEventListener} to act only on committed readings.
 */
public record MultiObservationsAppended(List<Stored> observations) {

    /** One stored reading: its id, the feature of interest it was stored with, and the reading as given. */
    public record Stored(long id, long featureOfInterestId, NewMultiObservation observation) {
    }
}
