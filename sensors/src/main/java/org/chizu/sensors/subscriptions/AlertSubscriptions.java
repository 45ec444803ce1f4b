package org.chizu.sensors.subscriptions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions (table {@code alert_subscription}). A subscription waits for its confirmation
 * for {@value #CONFIRM_DAYS} days and is then forgotten; unsubscribing deletes it, address included.
 */
@Component
class AlertSubscriptions {

    static final int CONFIRM_DAYS = 7;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    AlertSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of a datastream on the public map (its Thing's), or empty when there is none such. */
    Optional<String> datastreamName(long datastreamId) {
        return jdbc.queryForList("""
                select t.name from sta_datastream d join sta_thing t on t.id = d.thing_id
                where d.id = ? and d.properties ?? 'thresholds'""", String.class, datastreamId).stream().findFirst();
    }

    /** The name of a hazard zone that some sensor watches, or empty when none does. */
    Optional<String> watchedZoneName(long zoneId) {
        return jdbc.queryForList("""
                select z.name from hazard_zones z
                where z.id = ? and exists (select 1 from sta_thing t where t.properties -> 'hazardZones' @> to_jsonb(z.id))""",
                String.class, zoneId).stream().findFirst();
    }

    /**
     * Records an address's wish to follow a datastream or a zone (one of them null) and returns the
     * subscription to confirm, or empty when the address already follows it. Asking again before
     * confirming keeps the same link, and the address as first given (the conflict's update changes
     * nothing; it only makes the row come back).
     */
    @Transactional
    Optional<Subscription> subscribe(String email, Long datastreamId, Long zoneId, String target) {
        jdbc.update("delete from alert_subscription where confirmed_at is null and created_at < now() - make_interval(days => ?)", CONFIRM_DAYS);
        return jdbc.query("""
                insert into alert_subscription (email, datastream_id, zone_id, token) values (?, ?, ?, ?)
                on conflict (lower(email), coalesce(datastream_id, 0), coalesce(zone_id, 0)) do update set email = alert_subscription.email
                returning id, email, token, confirmed_at is null""", (row, n) -> row.getBoolean(4)
                ? Optional.of(new Subscription(row.getLong(1), row.getString(2), target, row.getString(3))) : Optional.<Subscription>empty(),
                email, datastreamId, zoneId, newToken()).getFirst();
    }

    /** What the subscription of a link follows and whether it may still be confirmed; empty when the link is unknown. */
    Optional<LinkedSubscription> ofLink(String token) {
        return jdbc.query("""
                select coalesce(t.name, z.name, ''), s.confirmed_at is not null or s.created_at >= now() - make_interval(days => ?)
                from alert_subscription s
                left join sta_datastream d on d.id = s.datastream_id
                left join sta_thing t on t.id = d.thing_id
                left join hazard_zones z on z.id = s.zone_id
                where s.token = ?""", (row, n) -> new LinkedSubscription(row.getString(1), row.getBoolean(2)), CONFIRM_DAYS, token)
                .stream().findFirst();
    }

    /** Confirms the subscription of a link; false when the link is unknown (or expired, or unsubscribed). */
    boolean confirm(String token) {
        return jdbc.update("""
                update alert_subscription set confirmed_at = coalesce(confirmed_at, now())
                where token = ? and (confirmed_at is not null or created_at >= now() - make_interval(days => ?))""", token, CONFIRM_DAYS) == 1;
    }

    /** Deletes the subscription of a link; false when there is none. */
    boolean unsubscribe(String token) {
        return jdbc.update("delete from alert_subscription where token = ?", token) == 1;
    }

    /**
     * The confirmed subscriptions that an alert of the datastream concerns: to the datastream itself
     * or to a zone its Thing watches, by address and then target.
     */
    List<Subscription> concerning(long datastreamId) {
        return jdbc.query("""
                select s.id, s.email, case when s.datastream_id is not null then t.name else z.name end, s.token
                from sta_datastream d
                join sta_thing t on t.id = d.thing_id
                join alert_subscription s on s.confirmed_at is not null
                     and (s.datastream_id = d.id or t.properties -> 'hazardZones' @> to_jsonb(s.zone_id))
                left join hazard_zones z on z.id = s.zone_id
                where d.id = ?
                order by lower(s.email), s.id""", (row, n) -> new Subscription(row.getLong(1), row.getString(2), row.getString(3),
                row.getString(4)), datastreamId);
    }

    private static String newToken() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
