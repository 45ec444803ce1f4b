package org.chizu.platform.ogc;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A link of an OGC API document (RFC 8288 as OGC API – Common writes it).
 *
 * @param href      the target, absolute
 * @param rel       the relation: a registered name ("self", "data") or an OGC relation URI
 * @param type      the target's media type, or null
 * @param title     what a person reads, or null
 * @param templated true when {@code href} is a URI template ({tileMatrix}, {tileRow} …); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OgcLink(String href, String rel, String type, String title, Boolean templated) {

    public OgcLink {
        Objects.requireNonNull(href, "link href");
        Objects.requireNonNull(rel, "link rel");
        templated = Boolean.TRUE.equals(templated) ? Boolean.TRUE : null;
    }

    public static OgcLink of(String href, String rel, String type, String title) {
        return new OgcLink(href, rel, type, title, null);
    }

    public static OgcLink template(String href, String rel, String type, String title) {
        return new OgcLink(href, rel, type, title, true);
    }
}
