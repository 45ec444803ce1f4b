/**
 * Signed webhooks for other systems: staff register a URL and a secret; every step of every alert
 * (raised, updated, cleared, acknowledged) is queued for each registered URL in the step's own
 * transaction and POSTed as JSON (the CAP 1.2 message's fields and the alert as {@code /api/alerts}
 * shows it), signed with HMAC-SHA256 ({@link org.chizu.sensors.webhooks.WebhookSignature}) and
 * retried with backoff until the receiver answers 2xx.
 */
package org.chizu.sensors.webhooks;
