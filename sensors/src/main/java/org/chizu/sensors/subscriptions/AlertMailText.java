package org.chizu.sensors.subscriptions;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.sensors.alerts.AlertTransition;
import org.chizu.sensors.alerts.ThresholdScheme;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The words of the subscription e-mails, Japanese first and English after. */
@Component
class AlertMailText {

    /** A subject and a plain-text body. */
    record Message(String subject, String body) {
    }

    private static final DateTimeFormatter CLOCK_JA = DateTimeFormatter.ofPattern("M月d日 H:mm", Locale.JAPAN).withZone(ZoneId.of("Asia/Tokyo"));
    private static final DateTimeFormatter CLOCK_EN = DateTimeFormatter.ofPattern("d MMM H:mm 'JST'", Locale.UK).withZone(ZoneId.of("Asia/Tokyo"));
    private static final Map<String, Label> TRANSITIONS = Map.of(
            "raised", new Label("発表", "raised"),
            "updated", new Label("更新", "updated"),
            "cleared", new Label("解除", "cleared"));

    private final JdbcTemplate jdbc;

    AlertMailText(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The e-mail of one step of a threshold alert, without its unsubscribe links. */
    Message alert(AlertTransition step, String baseUrl) {
        Map<String, Object> sensor = jdbc.queryForMap("""
                select t.name as thing, d.unit_of_measurement ->> 'symbol' as unit, d.properties -> 'thresholds' ->> 'scheme' as scheme
                from sta_datastream d join sta_thing t on t.id = d.thing_id where d.id = ?""", step.datastreamId());
        String thing = (String) sensor.get("thing");
        String unit = sensor.get("unit") == null ? "" : " " + sensor.get("unit");
        ThresholdScheme scheme = ThresholdScheme.ofCode((String) sensor.get("scheme")).orElse(ThresholdScheme.RIVER_LEVEL);
        Label transition = TRANSITIONS.get(step.transition());
        String value = step.value() == null ? "—" : trim(step.value()) + unit;
        String subject = "【防災情報】" + thing + "：" + step.levelName().ja() + " " + transition.ja()
                + " / Alert " + transition.en() + ": " + thing + ", " + step.levelName().en();
        StringBuilder body = new StringBuilder()
                .append(thing).append("の").append(scheme.observes().ja()).append("について、")
                .append(switch (step.transition()) {
                    case "raised" -> "「" + step.levelName().ja() + "」を発表しました。";
                    case "updated" -> "「" + step.levelName().ja() + "」に変わりました。";
                    default -> "「" + step.levelName().ja() + "」を解除しました。";
                })
                .append("\n観測値：").append(value).append("（").append(step.observedAt() == null ? "—" : CLOCK_JA.format(step.observedAt()))
                .append(" 観測）\n");
        scheme.notice().ifPresent(notice -> body.append(notice.ja()).append('\n'));
        body.append("詳しくは：").append(baseUrl).append("/alerts\n\n")
                .append(scheme.observes().en()).append(" at ").append(thing).append(": ")
                .append(switch (step.transition()) {
                    case "raised" -> "the alert \"" + step.levelName().en() + "\" was raised.";
                    case "updated" -> "the alert is now at \"" + step.levelName().en() + "\".";
                    default -> "the alert \"" + step.levelName().en() + "\" was cleared.";
                })
                .append("\nReading: ").append(value).append(" (observed ").append(step.observedAt() == null ? "—" : CLOCK_EN.format(step.observedAt()))
                .append(")\n");
        scheme.notice().ifPresent(notice -> body.append(notice.en()).append('\n'));
        body.append("Details: ").append(baseUrl).append("/alerts\n");
        return new Message(subject, body.toString());
    }

    /** The e-mail asking an address to confirm its subscription. */
    Message confirmation(Subscription subscription, String baseUrl) {
        String link = baseUrl + SubscriptionLinksController.CONFIRM + "?token=" + subscription.token();
        return new Message("【防災情報】配信登録の確認 / Please confirm your alert e-mails", """
                「%1$s」の防災情報メールの配信登録を受け付けました。
                次のリンクを開き、「登録を完了する」を押してください（%2$d日以内）。
                %3$s
                お心当たりのない場合は、このメールを破棄してください。登録されません。

                We received a request to e-mail alerts for "%1$s" to this address.
                Open this link and press "Confirm" within %2$d days:
                %3$s
                If you did not ask for this, ignore this e-mail and nothing will be sent.
                """.formatted(subscription.target(), AlertSubscriptions.CONFIRM_DAYS, link));
    }

    /** The lines that end every alert e-mail: how to stop each subscription it was sent for. */
    String unsubscribeLinks(List<Subscription> subscriptions, String baseUrl) {
        StringBuilder links = new StringBuilder("\n--\n配信停止 / Unsubscribe:\n");
        subscriptions.forEach(subscription -> links.append(subscription.target()).append(": ")
                .append(unsubscribeLink(subscription, baseUrl)).append('\n'));
        return links.toString();
    }

    /** The link that stops one subscription: a page on GET, done on POST (the page's button or one click). */
    String unsubscribeLink(Subscription subscription, String baseUrl) {
        return baseUrl + SubscriptionLinksController.UNSUBSCRIBE + "?token=" + subscription.token();
    }

    private static String trim(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
