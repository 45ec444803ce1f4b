package org.chizu.platform.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import org.chizu.platform.Label;

/**
 * Japan's public holidays (国民の祝日・休日) as the Cabinet Office publishes them: national holidays,
 * substitute holidays (振替休日), days between two holidays (国民の休日) and the days of their own laws
 * (2019-05-01 …). The resource {@code syukujitsu.csv} beside this class is the source of truth, not
 * rules in code: the list changes by law (the 2020 and 2021 Olympic moves) and the equinox days are
 * published a year ahead. It covers {@link #firstDay()} to {@link #lastDay()}; a date outside those
 * years is a day the list does not know, so it is no holiday here.
 */
public final class JapaneseHolidays {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");
    private static final DateTimeFormatter PUBLISHED_DATE = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static volatile JapaneseHolidays official;

    private final NavigableMap<LocalDate, Holiday> days;

    private JapaneseHolidays(NavigableMap<LocalDate, Holiday> days) {
        this.days = days;
    }

    /** The Cabinet Office's list shipped with Chizu, read once. */
    public static JapaneseHolidays official() {
        if (official == null) {
            synchronized (JapaneseHolidays.class) {
                if (official == null) {
                    official = read();
                }
            }
        }
        return official;
    }

    public boolean isHoliday(LocalDate date) {
        return days.containsKey(date);
    }

    /** The holiday's name in Japanese and English, or empty on a day that is not one. */
    public Optional<Label> name(LocalDate date) {
        return Optional.ofNullable(days.get(date)).map(Holiday::name);
    }

    /** The holidays from {@code from} to {@code to}, both included, in date order. */
    public List<Holiday> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        return List.copyOf(days.subMap(from, true, to, true).values());
    }

    /** 1 January of the list's first year. */
    public LocalDate firstDay() {
        return days.firstKey().withDayOfYear(1);
    }

    /** 31 December of the list's last year: later days are not published yet. */
    public LocalDate lastDay() {
        return days.lastKey().withMonth(12).withDayOfMonth(31);
    }

    private static JapaneseHolidays read() {
        Map<String, String> english = new HashMap<>();
        for (String[] row : rows("syukujitsu-en.csv", StandardCharsets.UTF_8)) {
            english.put(row[0], row[1]);
        }
        NavigableMap<LocalDate, Holiday> days = new TreeMap<>();
        for (String[] row : rows("syukujitsu.csv", SHIFT_JIS)) {
            LocalDate date = LocalDate.parse(row[0], PUBLISHED_DATE);
            String en = english.get(row[1]);
            if (en == null) {
                throw new IllegalStateException("syukujitsu-en.csv has no English for " + row[1] + " (" + date + ")");
            }
            days.put(date, new Holiday(date, new Label(row[1], en)));
        }
        return new JapaneseHolidays(days);
    }

    /** The rows after the header: two columns, no quoting (neither file needs it). */
    private static List<String[]> rows(String resource, Charset charset) {
        try (InputStream in = JapaneseHolidays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing beside " + JapaneseHolidays.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
            return reader.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.strip().split(",", 2)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
