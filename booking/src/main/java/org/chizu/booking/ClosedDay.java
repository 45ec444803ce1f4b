package org.chizu.booking;

import org.chizu.platform.Label;

/**
 * Why a unit is closed on a day.
 *
 * @param reason  a weekly closed day or a public holiday, in Japanese and English
 * @param holiday the holiday's name when the unit closes for one; otherwise null
 */
public record ClosedDay(Label reason, Label holiday) {

    static final Label WEEKLY = new Label("休館日", "its weekly closed day");
    static final Label HOLIDAY = new Label("祝日・休日", "a public holiday");
}
