package org.chizu.counters;

/**
 * An office that handles the service asked for, open that day, with how far it is by road.
 *
 * @param travelSeconds the fastest drive over the road network from the road nearest the place asked
 *                      about to the road nearest the office
 */
public record NearestCounter(Office office, OfficeDay today, long travelSeconds) {
}
