package org.chizu.booking;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the monthly lottery runs by itself ({@code chizu.booking.lottery.*}), in the town's time, all
 * in the month before the lottery's month: applications open on {@code opensOnDay} at
 * {@code opensAt} (the 1st, 09:00), close on {@code closesOnDay} at {@code closesAt} (the 10th,
 * 17:00) and the draw follows; winners confirm by {@code confirmByDay} at {@code confirmByAt} (the
 * 20th, 17:00) or their slot is released.
 *
 * @param maxEntries entries one person or group may make in a lottery opened by the schedule (4)
 */
@ConfigurationProperties("chizu.booking.lottery")
public record LotteryProperties(Integer opensOnDay, LocalTime opensAt, Integer closesOnDay, LocalTime closesAt,
                                Integer confirmByDay, LocalTime confirmByAt, Integer maxEntries) {

    public LotteryProperties {
        opensOnDay = opensOnDay == null ? 1 : opensOnDay;
        opensAt = opensAt == null ? LocalTime.of(9, 0) : opensAt;
        closesOnDay = closesOnDay == null ? 10 : closesOnDay;
        closesAt = closesAt == null ? LocalTime.of(17, 0) : closesAt;
        confirmByDay = confirmByDay == null ? 20 : confirmByDay;
        confirmByAt = confirmByAt == null ? LocalTime.of(17, 0) : confirmByAt;
        maxEntries = maxEntries == null ? 4 : maxEntries;
        if (!(opensOnDay >= 1 && opensOnDay <= closesOnDay && closesOnDay <= confirmByDay && confirmByDay <= 28)) {
            throw new IllegalArgumentException("chizu.booking.lottery: need 1 <= opens-on-day <= closes-on-day <= confirm-by-day <= 28");
        }
    }

    public static LotteryProperties defaults() {
        return new LotteryProperties(null, null, null, null, null, null, null);
    }
}
