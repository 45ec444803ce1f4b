package org.chizu.sensors;

import java.util.List;

/**
 * Published by {@link Observations#append} inside its transaction: listen with
 * {@code @TransactionalEventListener} to act once the readings are committed (the MQTT bridge
 * announces them to subscribers then), whichever way they came in.
 *
 * @param observations the readings in the batch's order
 * @param ids          their ids, in the same order
 */
public record ObservationsAppended(List<NewObservation> observations, List<Long> ids) {
}
