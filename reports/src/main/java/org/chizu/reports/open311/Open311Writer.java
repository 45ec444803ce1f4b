package org.chizu.reports.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes one GeoReport v2 document, built as maps and lists, in XML or JSON as the standard shows
 * them: a list is a JSON array and, in XML, a root element whose items are named for it
 * ({@code service_requests} holds {@code request}s); a nested list's items take the singular of its
 * name ({@code attributes} holds {@code attribute}s); null is an empty element or JSON null.
 */
final class Open311Writer {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Open311Writer() {
    }

    /** A list of items: {@code <root><item>…</item>…</root>} or a JSON array. */
    static ResponseEntity<String> list(HttpStatus status, Open311Format format, String root, String item,
            List<? extends Map<String, ?>> items) {
        return respond(status, format, items, xml -> {
            xml.writeStartElement(root);
            for (Map<String, ?> fields : items) {
                element(xml, item, fields);
            }
            xml.writeEndElement();
        });
    }

    /** One object: {@code <root>…</root>} or a JSON object. */
    static ResponseEntity<String> object(Open311Format format, String root, Map<String, ?> fields) {
        return respond(HttpStatus.OK, format, fields, xml -> element(xml, root, fields));
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static ResponseEntity<String> respond(HttpStatus status, Open311Format format, Object document, XmlBody body) {
        String text;
        try {
            if (format == Open311Format.JSON) {
                text = JSON.writeValueAsString(document);
            } else {
                StringWriter out = new StringWriter();
                XMLStreamWriter xml = XML.createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                body.write(xml);
                xml.writeEndDocument();
                xml.close();
                text = out.toString();
            }
        } catch (XMLStreamException | JsonProcessingException e) {
            throw new IllegalStateException("cannot write an Open311 document", e);
        }
        return ResponseEntity.status(status).contentType(format.mediaType()).body(text);
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(xml, field.getKey().toString(), field.getValue());
            }
        } else if (value instanceof List<?> items) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object each : items) {
                element(xml, item, each);
            }
        } else {
            xml.writeCharacters(value.toString());
        }
        xml.writeEndElement();
    }
}
