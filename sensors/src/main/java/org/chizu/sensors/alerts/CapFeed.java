package org.chizu.sensors.alerts;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;

/**
 * The threshold alerts of the last {@code chizu.sensors.alerts.recent} as an Atom feed whose entries
 * each carry one OASIS CAP 1.2 message: the alert's latest step, as {@code Alert} (raised),
 * {@code Update} (its level changed) or {@code Cancel} (cleared), with {@code references} to every
 * earlier message of the alert. Each message speaks Japanese and English (two {@code info} blocks)
 * and names the watched zones as its area, with their outlines as CAP polygons ({@link CapMessages}).
 * Missing readings are for staff, not the public, and are left out.
 */
@Component
class CapFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";

    private final AlertQueries queries;
    private final CapMessages capMessages;
    private final AlertsProperties properties;

    CapFeed(AlertQueries queries, CapMessages capMessages, AlertsProperties properties) {
        this.queries = queries;
        this.capMessages = capMessages;
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
                List<Alert.Step> messages = queries.log(alert.id()).stream().filter(step -> CapMessages.MESSAGES.contains(step.transition())).toList();
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
        CapMessage cap = capMessages.message(alert, messages);
        xml.writeStartElement("entry");
        element(xml, "id", "urn:chizu:" + cap.sender() + ":" + cap.identifier());
        element(xml, "title", cap.info().getFirst().headline());
        element(xml, "updated", messages.getLast().at().truncatedTo(ChronoUnit.SECONDS).toString());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "application/cap+xml");
        xml.writeStartElement("alert");
        xml.writeDefaultNamespace(CAP);
        element(xml, "identifier", cap.identifier());
        element(xml, "sender", cap.sender());
        element(xml, "sent", cap.sent());
        element(xml, "status", cap.status());
        element(xml, "msgType", cap.msgType());
        element(xml, "scope", cap.scope());
        if (cap.references() != null) {
            element(xml, "references", cap.references());
        }
        for (CapMessage.Info info : cap.info()) {
            info(xml, info);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void info(XMLStreamWriter xml, CapMessage.Info info) throws XMLStreamException {
        xml.writeStartElement("info");
        element(xml, "language", info.language());
        element(xml, "category", info.category());
        element(xml, "event", info.event());
        element(xml, "responseType", info.responseType());
        element(xml, "urgency", info.urgency());
        element(xml, "severity", info.severity());
        element(xml, "certainty", info.certainty());
        element(xml, "senderName", info.senderName());
        element(xml, "headline", info.headline());
        element(xml, "description", info.description());
        xml.writeStartElement("area");
        element(xml, "areaDesc", info.area().areaDesc());
        for (String polygon : info.area().polygons()) {
            element(xml, "polygon", polygon);
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
