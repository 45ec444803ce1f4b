package org.chizu.reports.mail;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of residents' e-mails (table {@code report_mail_outbox}). A message is queued in the
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
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is
     *         active: the message must commit or roll back with the change it tells of
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(long reportId, String recipient, String subject, String body) {
        jdbc.update("""
                insert into report_mail_outbox (report_id, recipient, subject, body)
                values (:reportId, :recipient, :subject, :body)""",
                new MapSqlParameterSource("reportId", reportId).addValue("recipient", recipient)
                        .addValue("subject", subject).addValue("body", body));
    }

    /**
     * The message that has been due longest, locked until the caller's transaction ends. Messages
     * locked by another transaction (another process sending them) are skipped, not waited for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<QueuedMail> claimNextDue() {
        return jdbc.query("""
                select id, report_id, recipient, subject, body, attempts
                from report_mail_outbox
                where next_attempt_at <= now()
                order by next_attempt_at, id
                limit 1
                for update skip locked""", new MapSqlParameterSource(),
                (rs, i) -> new QueuedMail(rs.getLong("id"), rs.getLong("report_id"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .stream().findFirst();
    }

    void markSent(long id) {
        jdbc.update("update report_mail_outbox set sent_at = now(), next_attempt_at = null where id = :id",
                new MapSqlParameterSource("id", id));
    }

    /** Records a failed attempt; the message is due again after {@code delay} (by the database's clock). */
    void retryLater(long id, String error, Duration delay) {
        jdbc.update("""
                update report_mail_outbox
                set attempts = attempts + 1, last_error = :error,
                    next_attempt_at = now() + make_interval(secs => :seconds)
                where id = :id""",
                new MapSqlParameterSource("id", id).addValue("error", error)
                        .addValue("seconds", delay.toMillis() / 1000.0));
    }

    /** Records the last failed attempt: the message is never due again and stays unsent. */
    void giveUp(long id, String error) {
        jdbc.update("""
                update report_mail_outbox
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
                delete from report_mail_outbox
                where next_attempt_at is null
                  and coalesce(sent_at, created_at) < now() - make_interval(secs => :seconds)""",
                new MapSqlParameterSource("seconds", keepFor.toSeconds()));
    }

    /** How many messages are still to be sent (due now or later). */
    int waiting() {
        return jdbc.queryForObject("select count(*) from report_mail_outbox where next_attempt_at is not null",
                new MapSqlParameterSource(), Integer.class);
    }
}
