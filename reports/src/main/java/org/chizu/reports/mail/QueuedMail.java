package org.chizu.reports.mail;

/**
 * A message of the {@link MailOutbox}, as claimed for sending.
 *
 * @param id        the outbox row
 * @param reportId  the report the message is about
 * @param recipient the one address it goes to
 * @param attempts  how many attempts have failed so far
 */
record QueuedMail(long id, long reportId, String recipient, String subject, String body, int attempts) {
}
