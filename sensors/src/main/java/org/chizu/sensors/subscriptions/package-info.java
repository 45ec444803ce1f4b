/**
 * E-mail subscriptions to alerts (防災メール): a resident subscribes an address to a river gauge (any
 * datastream on the public map) or to a hazard zone that sensors watch, confirms by the button of the
 * page that the link mailed to it opens (double opt-in), and then gets an e-mail through the platform's
 * outbox whenever an alert there is raised, updated or cleared; every such e-mail carries its
 * unsubscribe link. Opening a link changes nothing, so a link scanner confirms and unsubscribes nobody.
 */
package org.chizu.sensors.subscriptions;
