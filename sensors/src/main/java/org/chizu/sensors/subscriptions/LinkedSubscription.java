package org.chizu.sensors.subscriptions;

/**
 * The subscription that an e-mail's link names, as its page shows it.
 *
 * @param target      what it follows, by name
 * @param confirmable whether it is confirmed already or still within its days to be
 */
record LinkedSubscription(String target, boolean confirmable) {
}
