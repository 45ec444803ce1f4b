/**
 * Facility booking (施設予約): bookable units (a hall, a room, half a pitch) declared on facilities of
 * the {@code facilities} layer, their availability month by month with closed days and holidays,
 * and bookings that are held for a few minutes, confirmed (or applied for, where staff approve)
 * and cancelled. The database's exclusion constraint, not the application, keeps two live bookings
 * of one unit from overlapping. The public API is {@link org.chizu.booking.Bookings},
 * {@link org.chizu.booking.BookableUnits} and {@link org.chizu.booking.Availability} with their records.
 */
package org.chizu.booking;
