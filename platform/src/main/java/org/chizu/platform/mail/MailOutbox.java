package org.chizu.platform.mail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of e-mails to residents (table {@code mail_outbox}), for every module. A message is queued in the
 * transaction of the change it tells of, so it exists if and only if that change committed; the
 * {@link MailOutboxSender} sends it afterwards. A message is due while its next attempt time has
 * come; once sent or given up it is never due again, and {@link #forgetFinishedBefore} deletes it
 * with the resident's address after the retention period.
 */
@Repository
public class MailOutbox {

    private final NamedParameterJdbcTemplate jdbc;

    public MailOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues one message to one recipient, due at once.
     *
     * @param about what the message is about, as the log names it instead of the address ("report 12")
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is
     *         active: the message must commit or roll back with the change it tells of
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String about, String recipient, String subject, String body) {
        queue(about, recipient, subject, body, List.of());
    }

    /**
     * Queues one message with files attached, in their order, due at once.
     *
     * @see #queue(String, String, String, String)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String about, String recipient, String subject, String body, List<MailAttachment> attachments) {
        queue(about, recipient, subject, body, attachments, MailHeaders.none());
    }

    /**
     * Queues one message that carries header fields of its own (the one-click unsubscribe of a
     * subscription's e-mails), due at once.
     *
     * @see #queue(String, String, String, String)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String about, String recipient, String subject, String body, MailHeaders headers) {
        queue(about, recipient, subject, body, List.of(), headers);
    }

    private void queue(String about, String recipient, String subject, String body, List<MailAttachment> attachments,
            MailHeaders headers) {
        long id = jdbc.queryForObject("""
                insert into mail_outbox (about, recipient, subject, body)
                values (:about, :recipient, :subject, :body) returning id""",
                new MapSqlParameterSource("about", about).addValue("recipient", recipient)
                        .addValue("subject", subject).addValue("body", body), Long.class);
        for (int position = 0; position < attachments.size(); position++) {
            MailAttachment file = attachments.get(position);
            jdbc.update("""
                    insert into mail_outbox_attachment (mail_id, position, filename, content_type, content)
                    values (:id, :position, :filename, :type, :content)""",
                    new MapSqlParameterSource("id", id).addValue("position", position).addValue("filename", file.filename())
                            .addValue("type", file.contentType()).addValue("content", file.content()));
        }
        headers.asMap().forEach((name, value) -> jdbc.update("""
                insert into mail_outbox_header (mail_id, name, value) values (:id, :name, :value)""",
                new MapSqlParameterSource("id", id).addValue("name", name).addValue("value", value)));
    }

    /**
     * The message that has been due longest, locked until the caller's transaction ends. Messages
     * locked by another transaction (another process sending them) are skipped, not waited for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<QueuedMail> claimNextDue() {
        return jdbc.query("""
                select id, about, recipient, subject, body, attempts
                from mail_outbox
                where next_attempt_at <= now()
                order by next_attempt_at, id
                limit 1
                for update skip locked""", new MapSqlParameterSource(),
                (rs, i) -> new QueuedMail(rs.getLong("id"), rs.getString("about"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"), List.of(), MailHeaders.none()))
                .stream().findFirst().map(mail -> mail.with(attachmentsOf(mail.id()), headersOf(mail.id())));
    }

    private MailHeaders headersOf(long id) {
        MailHeaders headers = MailHeaders.none();
        for (Map.Entry<String, String> field : jdbc.query("select name, value from mail_outbox_header where mail_id = :id order by name",
                new MapSqlParameterSource("id", id), (rs, i) -> Map.entry(rs.getString("name"), rs.getString("value")))) {
            headers = headers.with(field.getKey(), field.getValue());
        }
        return headers;
    }

    private List<MailAttachment> attachmentsOf(long id) {
        return jdbc.query("""
                select filename, content_type, content from mail_outbox_attachment where mail_id = :id order by position""",
                new MapSqlParameterSource("id", id),
                (rs, i) -> new MailAttachment(rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")));
    }

    void markSent(long id) {
        jdbc.update("update mail_outbox set sent_at = now(), next_attempt_at = null where id = :id",
                new MapSqlParameterSource("id", id));
    }

    /** Records a failed attempt; the message is due again after {@code delay} (by the database's clock). */
    void retryLater(long id, String error, Duration delay) {
        jdbc.update("""
                update mail_outbox
                set attempts = attempts + 1, last_error = :error,
                    next_attempt_at = now() + make_interval(secs => :seconds)
                where id = :id""",
                new MapSqlParameterSource("id", id).addValue("error", error)
                        .addValue("seconds", delay.toMillis() / 1000.0));
    }

    /** Records the last failed attempt: the message is never due again and stays unsent. */
    void giveUp(long id, String error) {
        jdbc.update("""
                update mail_outbox
                set attempts = attempts + 1, last_error = :error, next_attempt_at = null
                where id = :id""", new MapSqlParameterSource("id", id).addValue("error", error));
    }

    /**
     * Deletes the messages sent, or given up, more than {@code keepFor} ago (by the database's clock).
     * A given-up message is counted from when it was queued, as the outbox does not record when it
     * was given up (at most the retry delays later). Messages still to be sent are kept however old.
     *
     * @return how many messages were deleted
     */
    int forgetFinishedBefore(Duration keepFor) {
        return jdbc.update("""
                delete from mail_outbox
                where next_attempt_at is null
                  and coalesce(sent_at, created_at) < now() - make_interval(secs => :seconds)""",
                new MapSqlParameterSource("seconds", keepFor.toSeconds()));
    }

    /** How many messages are still to be sent (due now or later). */
    int waiting() {
        return jdbc.queryForObject("select count(*) from mail_outbox where next_attempt_at is not null",
                new MapSqlParameterSource(), Integer.class);
    }
}
