package org.chizu.counters;

/**
 * A counter that handles the service asked for on that day, with how far it is by road: an open
 * office, or a stop of the van's round that offers the service.
 *
 * @param office        the office; null for a van stop
 * @param vanStop       the van's stop; null for an office
 * @param today         the office's day, or the van's time at the stop
 * @param travelSeconds the fastest drive over the road network from the road nearest the place asked
 *                      about to the road nearest the counter
 */
public record NearestCounter(Office office, VanStop vanStop, OfficeDay today, long travelSeconds) {
}
