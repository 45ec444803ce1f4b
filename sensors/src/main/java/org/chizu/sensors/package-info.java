/**
 * Sensors (センサー): soil moisture, river levels and rain as the OGC SensorThings API 1.1 models them
 * (Things at Locations with Datastreams of Observations by a Sensor of an ObservedProperty). This
 * package is the module's storage API, which every way in uses: {@link org.chizu.sensors.Observations}
 * appends readings in batches (the SensorThings HTTP API at {@code /sta/v1.1} in {@code sta}, MQTT)
 * and keeps each datastream's latest valid value, {@link org.chizu.sensors.MultiObservations} appends
 * readings of MultiDatastreams (array results, beside the others in the same table, with none of the
 * rest); {@link org.chizu.sensors.ObservationAggregates} keeps
 * hourly and daily aggregates of the valid ones and {@link org.chizu.sensors.ObservationRetention}
 * drops raw readings past retention, whole months at a time, keeping the aggregates; {@code quality}
 * flags implausible readings in the same transaction and {@code alerts} turns valid ones into
 * threshold alerts.
 */
package org.chizu.sensors;
