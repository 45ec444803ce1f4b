package org.chizu.reports.mail;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's outbox ({@link org.chizu.platform.mail.MailOutbox}) as reports use it: every message
 * is about one report, and the log names that report instead of the resident's address.
 */
@Component("reportMailOutbox")
public class MailOutbox {

    private final org.chizu.platform.mail.MailOutbox outbox;

    MailOutbox(org.chizu.platform.mail.MailOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Queues one message about a report to one recipient, due at once.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is
     *         active: the message must commit or roll back with the change it tells of
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(long reportId, String recipient, String subject, String body) {
        outbox.queue("report " + reportId, recipient, subject, body);
    }

}
