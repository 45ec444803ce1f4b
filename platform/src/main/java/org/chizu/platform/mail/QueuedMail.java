package org.chizu.platform.mail;

/**
 * A message of the {@link MailOutbox}, as claimed for sending.
 *
 * @param id        the outbox row
 * @param about     what the message is about, for the log ("report 12")
 * @param recipient the one address it goes to
 * @param attempts  how many attempts have failed so far
 */
record QueuedMail(long id, String about, String recipient, String subject, String body, int attempts) {
}
