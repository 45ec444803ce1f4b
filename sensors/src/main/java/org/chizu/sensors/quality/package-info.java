/**
 * Quality control of readings (品質管理), declared per datastream in its {@code properties.quality}:
 * range, rate of change and flat line ("stuck") checks run on every append, in its transaction; a
 * reading that fails one is kept with its flags in {@code resultQuality.qualityFlags} and never taken
 * as valid. Missing readings are an alert of their own ({@code org.chizu.sensors.alerts}).
 */
package org.chizu.sensors.quality;
