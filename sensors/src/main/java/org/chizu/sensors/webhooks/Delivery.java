package org.chizu.sensors.webhooks;

/**
 * One delivery as claimed for sending.
 *
 * @param attempts how many attempts have failed so far
 */
record Delivery(long id, long webhookId, String url, String secret, String eventId, String payload, int attempts) {
}
