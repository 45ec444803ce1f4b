package org.chizu.catalog.dcat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.RDFFormat;
import org.chizu.catalog.InWords;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

/**
 * The RDF serialisations the catalog is offered in, by file extension and media type. Turtle and
 * N-Triples can also be written as a stream, statement by statement; Jena writes RDF/XML and
 * JSON-LD only from a whole model.
 */
public enum RdfFormat {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY, RDFFormat.TURTLE_BLOCKS),
    RDF_XML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PRETTY, null),
    JSON_LD("jsonld", "application/ld+json", RDFFormat.JSONLD11, null),
    N_TRIPLES("nt", "application/n-triples", RDFFormat.NTRIPLES, RDFFormat.NTRIPLES);

    private final String extension;
    private final MediaType mediaType;
    private final RDFFormat jena;
    private final RDFFormat streaming;

    RdfFormat(String extension, String mediaType, RDFFormat jena, RDFFormat streaming) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.jena = jena;
        this.streaming = streaming;
    }

    /** The Jena format that writes this serialisation as a stream; empty when Jena has none. */
    Optional<RDFFormat> streaming() {
        return Optional.ofNullable(streaming);
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public RDFFormat jena() {
        return jena;
    }

    /** Every format's media type, for a sentence: "text/turtle, application/rdf+xml, … and application/n-triples". */
    public static String mediaTypesInWords() {
        return InWords.list(Arrays.stream(values()).map(f -> f.mediaType.toString()).toList());
    }

    /**
     * The format a path ends with ("catalog.ttl" → TURTLE).
     *
     * @throws IllegalArgumentException naming the formats offered
     */
    static RdfFormat ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + extension + "' is not an RDF format; use "
                        + Arrays.stream(values()).map(f -> f.extension).toList()));
    }

    /**
     * Whether the Accept header is a browser's: it names text/html and none of the RDF types (a
     * wildcard does not count), so the client wants the page for people rather than the data.
     */
    static boolean wantsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept).stream().filter(type -> type.getQualityValue() > 0).toList();
        return accepted.stream().anyMatch(type -> type.equalsTypeAndSubtype(MediaType.TEXT_HTML))
                && accepted.stream().noneMatch(type -> Arrays.stream(values()).anyMatch(f -> type.equalsTypeAndSubtype(f.mediaType)));
    }

    /**
     * The format the client prefers by its Accept header; Turtle when it accepts anything or sent
     * none, empty when it accepts none of ours.
     */
    public static Optional<RdfFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(TURTLE);
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        MimeTypeUtils.sortBySpecificity(accepted); // MediaType weighs the q parameter first
        for (MediaType wanted : accepted) {
            for (RdfFormat format : values()) {
                if (wanted.includes(format.mediaType)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
