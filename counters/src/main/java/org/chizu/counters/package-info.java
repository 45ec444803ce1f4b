/**
 * Service counters (窓口): the town's offices and branches (本庁・支所) as places of the facilities
 * layer, the services each handles (住民票, 印鑑証明 …) with the documents they need, opening hours
 * and closed days; queue tickets (整理券) taken at a kiosk or from a phone, called by staff at their
 * desks and followed live on phones and the display board; and the nearest open counter for a
 * service by travel time over the roads layer (pgRouting).
 *
 * <p>The public API is {@link org.chizu.counters.Offices}, {@link org.chizu.counters.Tickets} and
 * {@link org.chizu.counters.NearestCounters} with their records.
 */
package org.chizu.counters;
