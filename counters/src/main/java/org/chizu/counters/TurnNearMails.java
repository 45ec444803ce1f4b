package org.chizu.counters;

import java.sql.Timestamp;

import org.chizu.platform.mail.MailOutbox;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mails a resident who left an address with a remote ticket once its turn is {@code notice-ahead} (3)
 * or fewer away, in Japanese then English, through the platform's outbox in the transaction of the
 * queue change. The ticket is marked in {@code counter_ticket_near_notice} in that transaction too,
 * so calls racing at several desks queue one mail per ticket.
 */
@Component
class TurnNearMails {

    // Inserted in the order of the tickets' ids, so that two calls racing lock the same rows in the same order.
    private static final String MARK_NEAR = """
            with ranked as (
                select id, service_id, number, token, email,
                       row_number() over (partition by service_id order by taken_at, id) - 1 as ahead
                from counter_ticket
                where office_id = :office and day = :day and state = 'waiting'
            ), near as (
                select * from ranked r
                where r.ahead <= :notice and r.email is not null
                  and not exists (select 1 from counter_ticket_near_notice n where n.ticket_id = r.id)
            ), marked as (
                insert into counter_ticket_near_notice (ticket_id, queued_at)
                select id, :now from near order by id
                on conflict do nothing
                returning ticket_id
            )
            select near.* from near join marked on marked.ticket_id = near.id""";

    private final NamedParameterJdbcTemplate jdbc;
    private final MailOutbox outbox;
    private final PublicBaseUrl site;
    private final CountersProperties properties;

    TurnNearMails(NamedParameterJdbcTemplate jdbc, MailOutbox outbox, PublicBaseUrl site, CountersProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.site = site;
        this.properties = properties;
    }

    @EventListener
    void on(QueueChanged change) {
        Office office = change.office();
        jdbc.query(MARK_NEAR, new MapSqlParameterSource().addValue("office", office.id())
                .addValue("day", change.at().atZone(properties.zone()).toLocalDate())
                .addValue("now", Timestamp.from(change.at())).addValue("notice", properties.noticeAhead()), rs -> {
                    long serviceId = rs.getLong("service_id");
                    CounterService service = office.services().stream()
                            .filter(candidate -> candidate.id() == serviceId).findFirst().orElseThrow();
                    String number = service.prefix() + rs.getInt("number");
                    outbox.queue("counter ticket " + rs.getLong("id"), rs.getString("email"), subject(number),
                            body(office, service, number, rs.getInt("ahead"), site.current() + "/counters/tickets/" + rs.getString("token")));
                });
    }

    private static String subject(String number) {
        return "【整理券 " + number + "】まもなく順番です / Your turn is near: ticket " + number;
    }

    private static String body(Office office, CounterService service, String number, int ahead, String link) {
        String ja = ahead == 0 ? "次があなたの番です。" : "あと" + ahead + "人であなたの番です。";
        String en = ahead == 0 ? "You are next." : "Your turn is " + ahead + " away.";
        return """
                %1$s（%2$s）の整理券 %3$s：%4$s
                窓口の近くでお待ちください。呼び出し状況は次のリンクで確認できます（あなた専用のリンクです）。
                %5$s

                Ticket %3$s at %6$s (%7$s): %8$s
                Please wait near the counter. Follow your ticket through this link, which is yours alone:
                %5$s

                このメールは送信専用です。お知らせは1枚の整理券につき1回だけお送りします。
                This address does not take replies. You get this notice once per ticket.
                """.formatted(office.name().ja(), service.name().ja(), number, ja, link, office.name().en(),
                service.name().en(), en);
    }
}
