/**
 * Sensor alerts (警報): thresholds declared per datastream ({@code properties.thresholds}: the four
 * national river levels or a site's own levels) crossed by valid readings, with a clear margin so that
 * a value dancing on a line raises one alert; missing readings; each alert's lifecycle (raised →
 * updated → cleared, acknowledged by staff) with an append-only log; the zones, shelters and roads it
 * concerns; the JSON API at {@code /api/alerts}, the CAP 1.2 Atom feed at {@code /alerts/cap.atom}
 * and live events on topic {@code alerts}.
 */
package org.chizu.sensors.alerts;
