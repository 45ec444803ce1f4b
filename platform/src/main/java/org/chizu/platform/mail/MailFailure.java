package org.chizu.platform.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

import jakarta.mail.SendFailedException;

/**
 * A failed attempt to send one message to one recipient.
 *
 * @param cause     what Spring's mail sender threw
 * @param recipient the address the message was for
 */
record MailFailure(MailException cause, String recipient) {

    private static final String ADDRESS_WITHHELD = "宛先 / recipient";

    /**
     * Whether the SMTP server refused the recipient for good, so that sending again cannot succeed.
     * Jakarta Mail lists an address refused with a 5xx reply to {@code RCPT TO} ("550 no such user")
     * among the {@linkplain SendFailedException#getInvalidAddresses() invalid addresses}; a 4xx reply
     * makes it "valid unsent" instead, and a server that cannot be reached or refuses the sender or
     * the log-in names no invalid address, so those failures stay temporary.
     */
    boolean recipientRefused() {
        return cause instanceof MailSendException send && send.getFailedMessages().values().stream()
                .anyMatch(failed -> failed instanceof SendFailedException refused
                        && refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0);
    }

    /** What went wrong, as recorded in the outbox row (which holds the address anyway). */
    String error() {
        return cause.getMessage();
    }

    /**
     * What went wrong with the recipient's address replaced, for the log: servers repeat the address
     * in their replies, and the log is kept longer and read more widely than the outbox.
     */
    String errorWithoutAddress() {
        return Pattern.compile(Pattern.quote(recipient), Pattern.CASE_INSENSITIVE)
                .matcher(String.valueOf(cause.getMessage()))
                .replaceAll(Matcher.quoteReplacement(ADDRESS_WITHHELD));
    }
}
