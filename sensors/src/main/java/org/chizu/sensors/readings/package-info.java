/**
 * The public map's sensors (観測値): every datastream that declares thresholds, at its Thing's
 * location, with its latest valid value and the level it stands at ({@code GET /api/sensors}), the
 * valid readings of its last 24 hours for a sparkline ({@code GET /api/sensors/{id}/day}), and live
 * topic {@value org.chizu.sensors.readings.ReadingsAnnouncer#TOPIC} naming the datastreams that have
 * new valid readings, so the map refreshes without reloading.
 */
package org.chizu.sensors.readings;
