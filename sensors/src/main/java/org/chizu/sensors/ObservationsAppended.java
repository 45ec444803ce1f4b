package org.chizu.sensors;

import java.util.List;

/**
 * Published by {@link Observations#append} inside its transaction, once per batch: what was
 * stored, with ids and features of interest resolved. Listen with
 * {@code @TransactionalEventListener} to act only on readings that were committed (MQTT
 * subscriptions, threshold alerts).
 */
public record ObservationsAppended(List<Stored> observations) {

    /** One stored reading: its id, the feature of interest it was stored with, and the reading as given. */
    public record Stored(long id, long featureOfInterestId, NewObservation observation) {
    }
}
