package org.chizu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

class JapaneseHolidaysTest {

    /**
     * 2019–2026 as the Cabinet Office's syukujitsu.csv lists them, and 2027 as it announced them on
     * 2026-02-02 (with 3/22 the substitute for 春分の日 on a Sunday): typed from the published list,
     * never computed, so that the shipped file is checked against what was published.
     */
    static final String PUBLISHED_2019_TO_2027 = """
            2019/1/1,元日
            2019/1/14,成人の日
            2019/2/11,建国記念の日
            2019/3/21,春分の日
            2019/4/29,昭和の日
            2019/4/30,休日
            2019/5/1,休日（祝日扱い）
            2019/5/2,休日
            2019/5/3,憲法記念日
            2019/5/4,みどりの日
            2019/5/5,こどもの日
            2019/5/6,休日
            2019/7/15,海の日
            2019/8/11,山の日
            2019/8/12,休日
            2019/9/16,敬老の日
            2019/9/23,秋分の日
            2019/10/14,体育の日（スポーツの日）
            2019/10/22,休日（祝日扱い）
            2019/11/3,文化の日
            2019/11/4,休日
            2019/11/23,勤労感謝の日
            2020/1/1,元日
            2020/1/13,成人の日
            2020/2/11,建国記念の日
            2020/2/23,天皇誕生日
            2020/2/24,休日
            2020/3/20,春分の日
            2020/4/29,昭和の日
            2020/5/3,憲法記念日
            2020/5/4,みどりの日
            2020/5/5,こどもの日
            2020/5/6,休日
            2020/7/23,海の日
            2020/7/24,スポーツの日
            2020/8/10,山の日
            2020/9/21,敬老の日
            2020/9/22,秋分の日
            2020/11/3,文化の日
            2020/11/23,勤労感謝の日
            2021/1/1,元日
            2021/1/11,成人の日
            2021/2/11,建国記念の日
            2021/2/23,天皇誕生日
            2021/3/20,春分の日
            2021/4/29,昭和の日
            2021/5/3,憲法記念日
            2021/5/4,みどりの日
            2021/5/5,こどもの日
            2021/7/22,海の日
            2021/7/23,スポーツの日
            2021/8/8,山の日
            2021/8/9,休日
            2021/9/20,敬老の日
            2021/9/23,秋分の日
            2021/11/3,文化の日
            2021/11/23,勤労感謝の日
            2022/1/1,元日
            2022/1/10,成人の日
            2022/2/11,建国記念の日
            2022/2/23,天皇誕生日
            2022/3/21,春分の日
            2022/4/29,昭和の日
            2022/5/3,憲法記念日
            2022/5/4,みどりの日
            2022/5/5,こどもの日
            2022/7/18,海の日
            2022/8/11,山の日
            2022/9/19,敬老の日
            2022/9/23,秋分の日
            2022/10/10,スポーツの日
            2022/11/3,文化の日
            2022/11/23,勤労感謝の日
            2023/1/1,元日
            2023/1/2,休日
            2023/1/9,成人の日
            2023/2/11,建国記念の日
            2023/2/23,天皇誕生日
            2023/3/21,春分の日
            2023/4/29,昭和の日
            2023/5/3,憲法記念日
            2023/5/4,みどりの日
            2023/5/5,こどもの日
            2023/7/17,海の日
            2023/8/11,山の日
            2023/9/18,敬老の日
            2023/9/23,秋分の日
            2023/10/9,スポーツの日
            2023/11/3,文化の日
            2023/11/23,勤労感謝の日
            2024/1/1,元日
            2024/1/8,成人の日
            2024/2/11,建国記念の日
            2024/2/12,休日
            2024/2/23,天皇誕生日
            2024/3/20,春分の日
            2024/4/29,昭和の日
            2024/5/3,憲法記念日
            2024/5/4,みどりの日
            2024/5/5,こどもの日
            2024/5/6,休日
            2024/7/15,海の日
            2024/8/11,山の日
            2024/8/12,休日
            2024/9/16,敬老の日
            2024/9/22,秋分の日
            2024/9/23,休日
            2024/10/14,スポーツの日
            2024/11/3,文化の日
            2024/11/4,休日
            2024/11/23,勤労感謝の日
            2025/1/1,元日
            2025/1/13,成人の日
            2025/2/11,建国記念の日
            2025/2/23,天皇誕生日
            2025/2/24,休日
            2025/3/20,春分の日
            2025/4/29,昭和の日
            2025/5/3,憲法記念日
            2025/5/4,みどりの日
            2025/5/5,こどもの日
            2025/5/6,休日
            2025/7/21,海の日
            2025/8/11,山の日
            2025/9/15,敬老の日
            2025/9/23,秋分の日
            2025/10/13,スポーツの日
            2025/11/3,文化の日
            2025/11/23,勤労感謝の日
            2025/11/24,休日
            2026/1/1,元日
            2026/1/12,成人の日
            2026/2/11,建国記念の日
            2026/2/23,天皇誕生日
            2026/3/20,春分の日
            2026/4/29,昭和の日
            2026/5/3,憲法記念日
            2026/5/4,みどりの日
            2026/5/5,こどもの日
            2026/5/6,休日
            2026/7/20,海の日
            2026/8/11,山の日
            2026/9/21,敬老の日
            2026/9/22,休日
            2026/9/23,秋分の日
            2026/10/12,スポーツの日
            2026/11/3,文化の日
            2026/11/23,勤労感謝の日
            2027/1/1,元日
            2027/1/11,成人の日
            2027/2/11,建国記念の日
            2027/2/23,天皇誕生日
            2027/3/21,春分の日
            2027/3/22,休日
            2027/4/29,昭和の日
            2027/5/3,憲法記念日
            2027/5/4,みどりの日
            2027/5/5,こどもの日
            2027/7/19,海の日
            2027/8/11,山の日
            2027/9/20,敬老の日
            2027/9/23,秋分の日
            2027/10/11,スポーツの日
            2027/11/3,文化の日
            2027/11/23,勤労感謝の日
            """;

    final JapaneseHolidays holidays = JapaneseHolidays.official();

    @Test
    void everyHolidayFrom2019To2027IsTheOneThePublishedListGives() {
        List<String> published = PUBLISHED_2019_TO_2027.strip().lines().map(String::strip).toList();

        List<String> shipped = holidays.between(LocalDate.of(2019, 1, 1), LocalDate.of(2027, 12, 31)).stream()
                .map(h -> h.date().format(DateTimeFormatter.ofPattern("uuuu/M/d")) + "," + h.name().ja())
                .toList();

        assertThat(shipped).containsExactlyElementsOf(published);
    }

    @Test
    void theEnthronementIn2019MadeAWeekOfHolidays() {
        assertThat(holidays.name(LocalDate.of(2019, 5, 1))).hasValueSatisfying(name -> {
            assertThat(name.ja()).isEqualTo("休日（祝日扱い）");
            assertThat(name.en()).contains("enthronement");
        });
        assertThat(holidays.isHoliday(LocalDate.of(2019, 4, 30))).isTrue();
        assertThat(holidays.isHoliday(LocalDate.of(2019, 5, 2))).isTrue();
        assertThat(holidays.between(LocalDate.of(2019, 4, 27), LocalDate.of(2019, 5, 6))).hasSize(8);
    }

    @Test
    void theOlympicYearsMovedMarineSportsAndMountainDays() {
        assertThat(holidays.name(LocalDate.of(2020, 7, 24)).orElseThrow().ja()).isEqualTo("スポーツの日");
        assertThat(holidays.isHoliday(LocalDate.of(2020, 10, 12))).isFalse();
        assertThat(holidays.name(LocalDate.of(2021, 8, 8)).orElseThrow().ja()).isEqualTo("山の日");
        assertThat(holidays.name(LocalDate.of(2021, 8, 9)).orElseThrow().ja()).isEqualTo("休日");
        assertThat(holidays.isHoliday(LocalDate.of(2021, 8, 11))).isFalse();
    }

    @Test
    void substituteHolidaysAndTheDayBetweenTwoHolidaysAreHolidaysCalled休日() {
        for (LocalDate substitute : List.of(LocalDate.of(2023, 1, 2), LocalDate.of(2024, 2, 12),
                LocalDate.of(2025, 11, 24), LocalDate.of(2026, 5, 6), LocalDate.of(2026, 9, 22))) {
            assertThat(holidays.name(substitute)).as(substitute.toString())
                    .hasValueSatisfying(name -> assertThat(name.ja()).isEqualTo("休日"));
        }
        assertThat(holidays.name(LocalDate.of(2026, 9, 22)).orElseThrow().en()).startsWith("Holiday");
    }

    @Test
    void anOrdinaryDayHasNoName() {
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 7))).isFalse();
        assertThat(holidays.name(LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    void theListCoversThePublishedYearsAndEveryNameHasItsEnglish() {
        assertThat(holidays.firstDay()).isEqualTo(LocalDate.of(1955, 1, 1));
        assertThat(holidays.lastDay()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(holidays.between(holidays.firstDay(), holidays.lastDay()))
                .allSatisfy(h -> assertThat(h.name().en()).isNotEqualTo(h.name().ja()));
        assertThat(holidays.name(LocalDate.of(1989, 2, 24)).orElseThrow().ja()).isEqualTo("大喪の礼");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> holidays.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
