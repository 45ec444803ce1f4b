/**
 * Service counters (窓口): the town's offices and branches (本庁・支所) as places of the facilities
 * layer, the services each handles (住民票, 印鑑証明 …) with the documents they need, opening hours
 * and closed days; queue tickets (整理券) taken at a kiosk or from a phone, called by staff at their
 * desks and followed live on phones and the display board; and the nearest open counter for a
 * service by travel time over the roads layer (pgRouting); and the mobile counter van (移動窓口車):
 * its routes and stops, its live position and the drive to its next stop, its iCalendar timetable and
 * slots reserved through booking.
 *
 * <p>The public API is {@link org.chizu.counters.Offices}, {@link org.chizu.counters.Tickets},
 * {@link org.chizu.counters.NearestCounters}, {@link org.chizu.counters.VanRoutes},
 * {@link org.chizu.counters.VanRouteEdits}, {@link org.chizu.counters.VanPositions} and
 * {@link org.chizu.counters.VanReservations} with their records.
 */
package org.chizu.counters;
