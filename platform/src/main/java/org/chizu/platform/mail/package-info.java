/**
 * The durable outbox of e-mails to residents (table {@code mail_outbox}): any module queues a message
 * with {@link org.chizu.platform.mail.MailOutbox#queue} in the transaction of the change it tells of
 * (with files attached, or with {@link org.chizu.platform.mail.MailHeaders} such as one-click unsubscribe),
 * and every Chizu process sends what is due through {@code spring.mail.*}, retrying with backoff
 * ({@code chizu.mail.*}).
 */
package org.chizu.platform.mail;
