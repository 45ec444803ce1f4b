package org.chizu.sensors.webhooks;

import java.time.Instant;

/**
 * A registered webhook as staff see it: never its secret.
 *
 * @param delivered how many deliveries it has had answered 2xx, of those kept
 * @param waiting   how many wait for a (next) attempt
 * @param givenUp   how many were given up, of those kept
 */
record Webhook(long id, String url, String description, String registeredBy, Instant registeredAt, long delivered, long waiting,
               long givenUp) {
}
