package org.chizu.catalog.sparql;

import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/** The serialisations of SELECT and ASK results, as the SPARQL 1.1 Protocol names them. */
enum ResultFormat {
    JSON("application/sparql-results+json", ResultSetLang.RS_JSON),
    XML("application/sparql-results+xml", ResultSetLang.RS_XML),
    CSV("text/csv", ResultSetLang.RS_CSV),
    TSV("text/tab-separated-values", ResultSetLang.RS_TSV);

    /** Plain JSON and XML are taken to mean the results formats, as clients often ask for them so. */
    private static final MediaType PLAIN_JSON = MediaType.APPLICATION_JSON;
    private static final MediaType PLAIN_XML = MediaType.APPLICATION_XML;

    private final MediaType mediaType;
    private final Lang jena;

    ResultFormat(String mediaType, Lang jena) {
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.jena = jena;
    }

    MediaType mediaType() {
        return mediaType;
    }

    Lang jena() {
        return jena;
    }

    /**
     * The format the client prefers by its Accept header; JSON when it accepts anything or sent
     * none, empty when it accepts none of ours.
     */
    static Optional<ResultFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType wanted : accepted) {
            if (wanted.equalsTypeAndSubtype(PLAIN_JSON)) {
                return Optional.of(JSON);
            }
            if (wanted.equalsTypeAndSubtype(PLAIN_XML)) {
                return Optional.of(XML);
            }
            for (ResultFormat format : values()) {
                if (wanted.includes(format.mediaType)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
