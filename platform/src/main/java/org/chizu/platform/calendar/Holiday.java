package org.chizu.platform.calendar;

import java.time.LocalDate;

import org.chizu.platform.Label;

/** A day off by 国民の祝日に関する法律 (or a law of its own) and its name as the Cabinet Office's list gives it. */
public record Holiday(LocalDate date, Label name) {
}
