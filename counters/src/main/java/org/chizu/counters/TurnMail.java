package org.chizu.counters;

import java.time.OffsetDateTime;

/**
 * The "your turn is near" mail of a remote ticket, as its follow page tells of it.
 *
 * @param to     the address, masked: its first character, then "***", then the domain ("t***@example.jp")
 * @param sentAt when the mail was queued in the outbox; null while the turn is not yet near
 */
public record TurnMail(String to, OffsetDateTime sentAt) {

    static String masked(String address) {
        int at = address.lastIndexOf('@');
        return address.charAt(0) + "***" + address.substring(at);
    }
}
