package org.chizu.sensors.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.chizu.sensors.internal.StoredValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The registered webhooks and their deliveries (tables {@code alert_webhook}, {@code alert_webhook_delivery}). */
@Component
class WebhookStore {

    private final JdbcTemplate jdbc;

    WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long register(String url, String secret, String description, String staff) {
        return jdbc.queryForObject("insert into alert_webhook (url, secret, description, registered_by) values (?, ?, ?, ?) returning id",
                Long.class, url, secret, description, staff);
    }

    boolean anyRegistered() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from alert_webhook)", Boolean.class));
    }

    List<Webhook> all() {
        return jdbc.query("""
                select w.id, w.url, w.description, w.registered_by, w.registered_at,
                       count(*) filter (where d.delivered_at is not null),
                       count(*) filter (where d.next_attempt_at is not null),
                       count(*) filter (where d.id is not null and d.delivered_at is null and d.next_attempt_at is null)
                from alert_webhook w left join alert_webhook_delivery d on d.webhook_id = w.id
                group by w.id order by w.id""", (row, n) -> new Webhook(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                StoredValues.instant(row, 5), row.getLong(6), row.getLong(7), row.getLong(8)));
    }

    /** Deletes a webhook and its deliveries; false when there is none such. */
    boolean delete(long id) {
        return jdbc.update("delete from alert_webhook where id = ?", id) == 1;
    }

    /** Queues the payload for every registered webhook, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void queueForAll(String payload) {
        jdbc.update("insert into alert_webhook_delivery (webhook_id, payload) select id, ? from alert_webhook", payload);
    }

    /** The delivery due longest, locked until the caller's transaction ends; others' locked ones are skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Delivery> claimNextDue() {
        return jdbc.query("""
                select d.id, d.webhook_id, w.url, w.secret, d.event_id::text, d.payload, d.attempts
                from alert_webhook_delivery d join alert_webhook w on w.id = d.webhook_id
                where d.next_attempt_at <= now()
                order by d.next_attempt_at, d.id
                limit 1
                for update of d skip locked""", (row, n) -> new Delivery(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getInt(7))).stream().findFirst();
    }

    void markDelivered(long id, int status) {
        jdbc.update("update alert_webhook_delivery set delivered_at = now(), next_attempt_at = null, last_status = ? where id = ?", status, id);
    }

    /** Records a failed attempt (status null: no answer); due again after {@code delay}, or never when {@code delay} is null. */
    void recordFailure(long id, Integer status, String error, Duration delay) {
        jdbc.update("""
                update alert_webhook_delivery
                set attempts = attempts + 1, last_status = ?, last_error = ?,
                    next_attempt_at = case when ?::float8 is null then null else now() + make_interval(secs => ?::float8) end
                where id = ?""", status, error, delay == null ? null : delay.toMillis() / 1000.0, delay == null ? null : delay.toMillis() / 1000.0,
                id);
    }

    /** Deletes deliveries finished more than {@code keepFor} ago. */
    int forgetFinishedBefore(Duration keepFor) {
        return jdbc.update("""
                delete from alert_webhook_delivery
                where next_attempt_at is null and coalesce(delivered_at, created_at) < now() - make_interval(secs => ?)""",
                keepFor.toSeconds());
    }
}
