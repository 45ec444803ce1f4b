package org.chizu.platform.events;

/**
 * A published event as kept in {@code live_event}.
 *
 * @param id    its place in the order of all events, which every process shares (the SSE {@code id})
 * @param topic its topic (the SSE event name)
 * @param data  its data as JSON text
 */
record StoredEvent(long id, String topic, String data) {
}
