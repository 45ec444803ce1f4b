package org.chizu.counters;

import java.time.LocalDate;

import org.chizu.platform.Label;

/**
 * An office's day: open with its hours, or closed with why.
 *
 * @param hours   the opening hours; null on a closed day
 * @param closed  why it is closed (weekly closed day, public holiday, 年末年始); null on an open day
 * @param holiday the holiday's name when the office closes for one; otherwise null
 */
public record OfficeDay(LocalDate date, OpeningHours hours, Label closed, Label holiday) {

    static final Label WEEKLY = new Label("閉庁日", "its weekly closed day");
    static final Label HOLIDAY = new Label("祝日・休日", "a public holiday");
    static final Label YEAR_END = new Label("年末年始", "the New Year holidays");

    public boolean open() {
        return hours != null;
    }
}
