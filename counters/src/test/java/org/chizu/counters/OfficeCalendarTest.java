package org.chizu.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;
import org.junit.jupiter.api.Test;

class OfficeCalendarTest {

    static final OpeningHours WORKING_DAY = new OpeningHours(LocalTime.of(8, 30), LocalTime.of(17, 15));
    static final Office CITY_HALL = new Office(1, "honcho", new Label("本庁", "City hall"),
            new Office.Place(1, "市役所", null, 131.84, 34.67), true, true,
            Map.of(DayOfWeek.MONDAY, WORKING_DAY, DayOfWeek.TUESDAY, WORKING_DAY, DayOfWeek.WEDNESDAY, WORKING_DAY,
                    DayOfWeek.THURSDAY, WORKING_DAY, DayOfWeek.FRIDAY, WORKING_DAY), List.of());

    final OfficeCalendar calendar = new OfficeCalendar(CountersProperties.defaults());

    @Test
    void aWeekdayIsOpenWithItsHours() {
        OfficeDay monday = calendar.day(CITY_HALL, LocalDate.of(2026, 12, 7));

        assertThat(monday.open()).isTrue();
        assertThat(monday.hours()).isEqualTo(WORKING_DAY);
    }

    @Test
    void aSaturdayIsTheWeeklyClosedDay() {
        OfficeDay saturday = calendar.day(CITY_HALL, LocalDate.of(2026, 12, 12));

        assertThat(saturday.open()).isFalse();
        assertThat(saturday.closed().ja()).isEqualTo("閉庁日");
    }

    @Test
    void aPublicHolidayOnAMondayClosesTheOfficeAndIsNamed() {
        OfficeDay comingOfAgeDay = calendar.day(CITY_HALL, LocalDate.of(2027, 1, 11));

        assertThat(comingOfAgeDay.open()).isFalse();
        assertThat(comingOfAgeDay.holiday().ja()).isEqualTo("成人の日");
    }

    @Test
    void theNewYearHolidaysCloseTheOfficeFromTheTwentyNinthToTheThird() {
        assertThat(calendar.day(CITY_HALL, LocalDate.of(2026, 12, 28)).open()).as("Monday 28 December").isTrue();
        assertThat(calendar.day(CITY_HALL, LocalDate.of(2026, 12, 29)).closed().ja()).isEqualTo("年末年始");
        assertThat(calendar.day(CITY_HALL, LocalDate.of(2027, 1, 4)).open()).as("Monday 4 January").isTrue();
    }

    @Test
    void aTicketCanBeTakenFromOpeningUntilClosing() {
        ZoneId japan = ZoneId.of("Asia/Tokyo");

        assertThat(calendar.isOpenAt(CITY_HALL, LocalDate.of(2026, 12, 7).atTime(8, 29).atZone(japan))).isFalse();
        assertThat(calendar.isOpenAt(CITY_HALL, LocalDate.of(2026, 12, 7).atTime(8, 30).atZone(japan))).isTrue();
        assertThat(calendar.isOpenAt(CITY_HALL, LocalDate.of(2026, 12, 7).atTime(17, 15).atZone(japan))).isFalse();
    }
}
