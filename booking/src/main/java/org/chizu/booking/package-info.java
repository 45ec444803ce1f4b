/**
 * Facility booking (施設予約): bookable units (a hall, a room, half a pitch) declared on facilities of
 * the {@code facilities} layer, their availability month by month with closed days and holidays,
 * and bookings that are held for a few minutes, confirmed (or applied for, where staff approve)
 * and cancelled. The database's exclusion constraint, not the application, keeps two live bookings
 * of one unit from overlapping.
 * <p>
 * Around them, every rule is data: fees by band of the day for residents and non-residents, extras
 * and reductions ({@link org.chizu.booking.Fees}), booking windows (residents earlier), cancellation
 * fees; payments at the counter or online through a provider whose notifications are signed
 * ({@link org.chizu.booking.Payments}); monthly lotteries with a draw anyone can re-run
 * ({@link org.chizu.booking.Lotteries}, {@link org.chizu.booking.LotteryDraw}); and one-time door PINs
 * at a smart-lock provider ({@link org.chizu.booking.DoorPins}). The public API is those services with
 * {@link org.chizu.booking.Bookings}, {@link org.chizu.booking.BookableUnits},
 * {@link org.chizu.booking.Availability} and {@link org.chizu.booking.BookingUsers} and their records.
 */
package org.chizu.booking;
