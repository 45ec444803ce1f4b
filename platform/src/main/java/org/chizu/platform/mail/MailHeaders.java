package org.chizu.platform.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Header fields of its own that a queued e-mail carries besides those the outbox writes (From, To,
 * Subject, Date, MIME). Immutable; {@link #with} returns a copy.
 *
 * <p>Only the names in {@link #ALLOWED} are accepted, so no module can set a recipient, a sender or
 * the MIME structure through a header, and a value must be printable US-ASCII on one line: a CR or
 * LF would start a header of the caller's choosing (header injection).
 */
public final class MailHeaders {

    /**
     * The header names a message may carry: the mailing-list fields of RFC 2369 and RFC 2919, the
     * one-click unsubscribe of RFC 8058 and the automatic-message marker of RFC 3834.
     */
    public static final List<String> ALLOWED = List.of("List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted");

    private static final MailHeaders NONE = new MailHeaders(Map.of());

    private final Map<String, String> fields;

    private MailHeaders(Map<String, String> fields) {
        this.fields = fields;
    }

    /** No header of its own. */
    public static MailHeaders none() {
        return NONE;
    }

    /**
     * The headers that let a mail program offer "unsubscribe" and do it with one POST, without the
     * resident opening a page (RFC 8058): {@code List-Unsubscribe: <link>} and
     * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. The link must unsubscribe on a POST
     * with that body and no cookie, and only show a page on GET.
     *
     * @param link the absolute address that unsubscribes (HTTPS in production, as RFC 8058 asks)
     */
    public static MailHeaders oneClickUnsubscribe(String link) {
        if (link.contains("<") || link.contains(">") || link.contains(" ")) {
            throw new IllegalArgumentException("an unsubscribe link goes between angle brackets and cannot hold <, > or spaces: " + link);
        }
        return none().with("List-Unsubscribe", "<" + link + ">").with("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /**
     * These headers and one more, replacing a header of the same name; the name is matched without
     * regard to case and kept as {@link #ALLOWED} spells it.
     *
     * @throws IllegalArgumentException when the name is not one of {@link #ALLOWED}, or the value is
     *         empty or holds anything but printable US-ASCII and spaces (a CR or LF above all)
     */
    public MailHeaders with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        String canonical = ALLOWED.stream().filter(name::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("an e-mail may not set the header " + name + "; allowed: " + ALLOWED));
        if (value.isBlank() || !value.chars().allMatch(c -> c == ' ' || c == '\t' || (c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("the header " + canonical + " needs a value of printable US-ASCII on one line (no CR or LF)");
        }
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.keySet().removeIf(canonical::equalsIgnoreCase);
        more.put(canonical, value);
        return new MailHeaders(Collections.unmodifiableMap(more));
    }

    /** The headers by name, in the order they were added. */
    public Map<String, String> asMap() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailHeaders headers && headers.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The names only: a value may hold a resident's token. */
    @Override
    public String toString() {
        return fields.keySet().toString();
    }
}
