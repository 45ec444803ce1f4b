package org.chizu.catalog.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.chizu.catalog.CatalogProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.util.HtmlUtils;

/** The page a browser gets at {@code /sparql} without a query: a form that GETs one, with the shelters query as an example. */
@Component
class SparqlForm {

    private final byte[] page;

    SparqlForm(CatalogProperties properties) {
        try {
            String template = new ClassPathResource("sparql/form.html").getContentAsString(StandardCharsets.UTF_8);
            page = template.replace("{{base}}", HtmlUtils.htmlEscape(properties.base())).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("sparql/form.html is missing from the classpath", e);
        }
    }

    /** Whether the client's first choice is HTML (a browser), not a SPARQL client that accepts anything. */
    static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> accepted = MediaType.parseMediaTypes(accept);
            MimeTypeUtils.sortBySpecificity(accepted);
            return accepted.getFirst().equalsTypeAndSubtype(MediaType.TEXT_HTML);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    ResponseEntity<byte[]> page() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(page);
    }
}
