package org.chizu.sensors.subscriptions;

/**
 * One subscription as its links and e-mails need it.
 *
 * @param target what it follows, by name ("高津川 高角水位観測所", a zone's name)
 * @param token  the secret of its confirm and unsubscribe links
 */
record Subscription(long id, String email, String target, String token) {
}
