package org.chizu.counters;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Map;

import org.chizu.platform.calendar.JapaneseHolidays;
import org.springframework.stereotype.Component;

/** Whether an office is open on a day and at a moment: its weekly hours, public holidays and 年末年始. */
@Component
public class OfficeCalendar {

    /** Municipal offices close from 29 December to 3 January (行政機関の休日に関する法律). */
    private static final MonthDay YEAR_END_FROM = MonthDay.of(12, 29);
    private static final MonthDay YEAR_END_TO = MonthDay.of(1, 3);

    private final JapaneseHolidays holidays = JapaneseHolidays.official();
    private final CountersProperties properties;

    public OfficeCalendar(CountersProperties properties) {
        this.properties = properties;
    }

    /** The office's day that {@code moment} falls on, in the town's time. */
    public OfficeDay dayOf(Office office, Instant moment) {
        return day(office, moment.atZone(properties.zone()).toLocalDate());
    }

    public OfficeDay day(Office office, LocalDate date) {
        return day(office.closedOnHolidays(), office.hours(), date);
    }

    /** The day of anything that keeps weekly hours and may close for holidays and 年末年始, as an office does. */
    public OfficeDay day(boolean closedOnHolidays, Map<DayOfWeek, OpeningHours> weekly, LocalDate date) {
        if (closedOnHolidays) {
            MonthDay monthDay = MonthDay.from(date);
            if (!monthDay.isBefore(YEAR_END_FROM) || !monthDay.isAfter(YEAR_END_TO)) {
                return new OfficeDay(date, null, OfficeDay.YEAR_END, null);
            }
            var holiday = holidays.name(date);
            if (holiday.isPresent()) {
                return new OfficeDay(date, null, OfficeDay.HOLIDAY, holiday.get());
            }
        }
        OpeningHours hours = weekly.get(date.getDayOfWeek());
        return hours == null ? new OfficeDay(date, null, OfficeDay.WEEKLY, null) : new OfficeDay(date, hours, null, null);
    }

    public boolean isOpenAt(Office office, ZonedDateTime moment) {
        OfficeDay day = day(office, moment.toLocalDate());
        return day.open() && day.hours().contains(moment.toLocalTime());
    }
}
