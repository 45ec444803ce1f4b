package org.chizu.sensors.alerts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chizu.platform.Label;
import org.springframework.stereotype.Component;

/**
 * Turns a threshold alert's steps into CAP 1.2 messages. Levels map to CAP severity in the steps of
 * the four national river levels: 1 Minor, 2 Moderate, 3 Severe, 4 and up Extreme, levels 3 and up
 * being Immediate. Missing readings are for staff, not the public, and make no CAP message.
 */
@Component
public class CapMessages {

    /** CAP 1.2 times: seconds and an offset, never "Z"; Japan's. */
    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneId.of("Asia/Tokyo"));
    static final Set<String> MESSAGES = Set.of("raised", "updated", "cleared");

    private final AlertQueries queries;
    private final AlertsProperties properties;

    CapMessages(AlertQueries queries, AlertsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /** The alert as /api/alerts shows it, with its log. */
    public Optional<Alert> alert(long alertId) {
        return queries.one(alertId);
    }

    /** The CAP message of the alert's latest step, or empty for missing readings and acknowledgements. */
    public Optional<CapMessage> latest(Alert alert) {
        List<Alert.Step> messages = alert.log().stream().filter(step -> MESSAGES.contains(step.transition())).toList();
        boolean latestIsMessage = !alert.log().isEmpty() && MESSAGES.contains(alert.log().getLast().transition());
        return AlertKind.ofCode(alert.kind()) == AlertKind.THRESHOLD && latestIsMessage ? Optional.of(message(alert, messages)) : Optional.empty();
    }

    /** The message of the last of {@code messages} (raised, updated or cleared steps, oldest first), referring to the others. */
    CapMessage message(Alert alert, List<Alert.Step> messages) {
        Alert.Step latest = messages.getLast();
        ThresholdScheme scheme = ThresholdScheme.ofCode(alert.scheme()).orElse(ThresholdScheme.RIVER_LEVEL);
        String references = messages.size() == 1 ? null : messages.subList(0, messages.size() - 1).stream()
                .map(earlier -> properties.capSender() + "," + identifier(alert, earlier) + "," + CAP_TIME.format(earlier.at()))
                .collect(Collectors.joining(" "));
        return new CapMessage(identifier(alert, latest), properties.capSender(), CAP_TIME.format(latest.at()), "Actual",
                switch (latest.transition()) {
                    case "raised" -> "Alert";
                    case "cleared" -> "Cancel";
                    default -> "Update";
                }, "Public", references, List.of(info(alert, latest, scheme, true), info(alert, latest, scheme, false)));
    }

    private CapMessage.Info info(Alert alert, Alert.Step step, ThresholdScheme scheme, boolean japanese) {
        boolean cleared = step.transition().equals("cleared");
        List<AlertArea.Zone> zones = alert.area().zones();
        String areaDesc = zones.isEmpty() ? alert.thing()
                : zones.stream().map(zone -> zone.name() == null ? "#" + zone.id() : zone.name()).collect(Collectors.joining(japanese ? "、" : ", "));
        return new CapMessage.Info(japanese ? "ja-JP" : "en-US", scheme.capCategory(),
                pick(scheme.observes(), japanese) + " " + pick(step.levelName(), japanese),
                cleared ? "AllClear" : "Monitor",
                cleared ? "Past" : step.level() >= 3 ? "Immediate" : "Expected",
                cleared ? "Minor" : switch (Math.min(step.level(), 4)) {
                    case 1 -> "Minor";
                    case 2 -> "Moderate";
                    case 3 -> "Severe";
                    default -> "Extreme";
                }, "Observed", japanese ? properties.senderName() : properties.senderNameEn(),
                pick(headline(alert, step, scheme), japanese),
                pick(description(alert, step), japanese) + scheme.notice().map(notice -> "\n" + pick(notice, japanese)).orElse(""),
                new CapMessage.Area(areaDesc, zones.stream().flatMap(zone -> zone.capPolygons().stream()).toList()));
    }

    private static Label headline(Alert alert, Alert.Step step, ThresholdScheme scheme) {
        String place = alert.thing();
        return switch (step.transition()) {
            case "cleared" -> new Label(place + "：" + step.levelName().ja() + "を下回り、警報を解除しました",
                    place + ": below the " + step.levelName().en() + ", alert cleared");
            default -> new Label(place + "：" + scheme.observes().ja() + "が" + step.levelName().ja() + "に達しました",
                    place + ": " + scheme.observes().en().toLowerCase() + " reached the " + step.levelName().en());
        };
    }

    private static Label description(Alert alert, Alert.Step step) {
        String value = step.value() == null ? "" : formatValue(step.value()) + (alert.unit() == null ? "" : " " + alert.unit());
        String at = step.observedAt() == null ? "" : CAP_TIME.format(step.observedAt());
        return new Label(alert.datastream() + "の観測値 " + value + "（" + at + "）。",
                alert.datastream() + " read " + value + " at " + at + ".");
    }

    private static String formatValue(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String identifier(Alert alert, Alert.Step step) {
        return "chizu-alert-" + alert.id() + "-" + step.id();
    }

    private static String pick(Label label, boolean japanese) {
        return japanese ? label.ja() : label.en();
    }
}
