package org.chizu.sensors.alerts;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.chizu.platform.Label;
import org.springframework.stereotype.Component;

/**
 * The threshold alerts of the last {@code chizu.sensors.alerts.recent} as an Atom feed whose entries
 * each carry one OASIS CAP 1.2 message: the alert's latest step, as {@code Alert} (raised),
 * {@code Update} (its level changed) or {@code Cancel} (cleared), with {@code references} to every
 * earlier message of the alert. Each message speaks Japanese and English (two {@code info} blocks)
 * and names the watched zones as its area, with their outlines as CAP polygons. Levels map to CAP
 * severity in the steps of the four national river levels: 1 Minor, 2 Moderate, 3 Severe, 4 and up
 * Extreme, levels 3 and up being Immediate. Missing readings are for staff, not the public, and are
 * left out.
 */
@Component
class CapFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP 1.2 times: seconds and an offset, never "Z"; Japan's. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneId.of("Asia/Tokyo"));
    private static final Set<String> MESSAGES = Set.of("raised", "updated", "cleared");

    private final AlertQueries queries;
    private final AlertsProperties properties;

    CapFeed(AlertQueries queries, AlertsProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    String write(String selfUrl, Instant now) {
        List<Alert> alerts = queries.current(now.minus(properties.recent())).stream()
                .filter(alert -> AlertKind.ofCode(alert.kind()) == AlertKind.THRESHOLD).toList();
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", selfUrl);
            element(xml, "title", "センサー警報 Sensor alerts — " + properties.senderName() + " / " + properties.senderNameEn());
            element(xml, "updated", alerts.stream().map(Alert::updatedAt).max(Instant::compareTo).orElse(now).truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeStartElement("author");
            element(xml, "name", properties.senderName());
            xml.writeEndElement();
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "self");
            xml.writeAttribute("href", selfUrl);
            for (Alert alert : alerts) {
                List<Alert.Step> messages = queries.log(alert.id()).stream().filter(step -> MESSAGES.contains(step.transition())).toList();
                if (!messages.isEmpty()) {
                    entry(xml, alert, messages);
                }
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the CAP feed", e);
        }
        return text.toString();
    }

    private void entry(XMLStreamWriter xml, Alert alert, List<Alert.Step> messages) throws XMLStreamException {
        Alert.Step latest = messages.getLast();
        ThresholdScheme scheme = ThresholdScheme.ofCode(alert.scheme()).orElse(ThresholdScheme.RIVER_LEVEL);
        xml.writeStartElement("entry");
        element(xml, "id", "urn:chizu:" + properties.capSender() + ":" + identifier(alert, latest));
        element(xml, "title", headline(alert, latest, scheme).ja());
        element(xml, "updated", latest.at().truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "application/cap+xml");
        xml.writeStartElement("alert");
        xml.writeDefaultNamespace(CAP);
        element(xml, "identifier", identifier(alert, latest));
        element(xml, "sender", properties.capSender());
        element(xml, "sent", CAP_TIME.format(latest.at()));
        element(xml, "status", "Actual");
        element(xml, "msgType", switch (latest.transition()) {
            case "raised" -> "Alert";
            case "cleared" -> "Cancel";
            default -> "Update";
        });
        element(xml, "scope", "Public");
        if (messages.size() > 1) {
            element(xml, "references", messages.subList(0, messages.size() - 1).stream()
                    .map(earlier -> properties.capSender() + "," + identifier(alert, earlier) + "," + CAP_TIME.format(earlier.at()))
                    .collect(Collectors.joining(" ")));
        }
        info(xml, alert, latest, scheme, true);
        info(xml, alert, latest, scheme, false);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private void info(XMLStreamWriter xml, Alert alert, Alert.Step step, ThresholdScheme scheme, boolean japanese) throws XMLStreamException {
        boolean cleared = step.transition().equals("cleared");
        xml.writeStartElement("info");
        element(xml, "language", japanese ? "ja-JP" : "en-US");
        element(xml, "category", scheme.capCategory());
        element(xml, "event", pick(scheme.observes(), japanese) + " " + pick(step.levelName(), japanese));
        element(xml, "responseType", cleared ? "AllClear" : "Monitor");
        element(xml, "urgency", cleared ? "Past" : step.level() >= 3 ? "Immediate" : "Expected");
        element(xml, "severity", cleared ? "Minor" : switch (Math.min(step.level(), 4)) {
            case 1 -> "Minor";
            case 2 -> "Moderate";
            case 3 -> "Severe";
            default -> "Extreme";
        });
        element(xml, "certainty", "Observed");
        element(xml, "senderName", japanese ? properties.senderName() : properties.senderNameEn());
        element(xml, "headline", pick(headline(alert, step, scheme), japanese));
        element(xml, "description", pick(description(alert, step), japanese)
                + scheme.notice().map(notice -> "\n" + pick(notice, japanese)).orElse(""));
        xml.writeStartElement("area");
        List<AlertArea.Zone> zones = alert.area().zones();
        element(xml, "areaDesc", zones.isEmpty() ? alert.thing()
                : zones.stream().map(zone -> zone.name() == null ? "#" + zone.id() : zone.name()).collect(Collectors.joining(japanese ? "、" : ", ")));
        for (AlertArea.Zone zone : zones) {
            for (String polygon : zone.capPolygons()) {
                element(xml, "polygon", polygon);
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
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

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
