package org.chizu.platform.mail;

import java.util.List;

/**
 * A message of the {@link MailOutbox}, as claimed for sending.
 *
 * @param id        the outbox row
 * @param about     what the message is about, for the log ("report 12")
 * @param recipient the one address it goes to
 * @param attempts    how many attempts have failed so far
 * @param attachments the files sent with it, in order; none for a plain text message
 * @param headers     the header fields of its own it carries
 */
record QueuedMail(long id, String about, String recipient, String subject, String body, int attempts,
                  List<MailAttachment> attachments, MailHeaders headers) {

    QueuedMail with(List<MailAttachment> files, MailHeaders fields) {
        return new QueuedMail(id, about, recipient, subject, body, attempts, List.copyOf(files), fields);
    }
}
