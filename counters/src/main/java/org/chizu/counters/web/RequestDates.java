package org.chizu.counters.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chizu.counters.CountersProblem;

/** A date parameter of a request (2027-01-04), refused as problem+json naming the parameter. */
final class RequestDates {

    private RequestDates() {
    }

    static LocalDate day(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw CountersProblem.missing(parameter);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw CountersProblem.badDate(parameter, text);
        }
    }
}
