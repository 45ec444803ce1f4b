package org.chizu.counters;

import java.time.Instant;

/**
 * An office's queue changed (a ticket taken, called or finished). Published inside the transaction
 * of the change, so a listener's writes commit or roll back with it.
 */
public record QueueChanged(Office office, QueueState queue, Instant at) {
}
