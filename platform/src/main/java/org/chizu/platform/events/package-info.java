/**
 * Live updates as Server-Sent Events on {@code GET /events?topic=…}, behind any number of Chizu
 * processes on one database. A module publishes with {@link org.chizu.platform.events.LiveEvents};
 * the event is kept in the table {@code live_event} (for replay to clients reconnecting with
 * Last-Event-ID) and announced with NOTIFY in the publishing transaction, so it is delivered only if
 * that commits. Every serving process LISTENs and pushes each event to its own clients following the
 * topic. Who may follow which topic is decided in one place, {@code TopicAccessPolicy}.
 */
package org.chizu.platform.events;
