package org.chizu.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which encoding an OGC API request gets: {@code f=json|html} wins, otherwise the Accept header
 * (JSON when in doubt, so that API clients sending {@code *}{@code /*} keep getting JSON).
 */
public final class Negotiation {

    private Negotiation() {
    }

    /** @throws IllegalArgumentException for an {@code f} other than json or html (a 400 problem) */
    public static boolean wantsHtml(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase()) {
                case "html" -> true;
                case "json", "geojson" -> false;
                default -> throw new IllegalArgumentException("f must be json or html, not '" + format + "'");
            };
        }
        return prefers(MediaType.TEXT_HTML, accept);
    }

    /**
     * Whether an Accept header asks for {@code wanted} before JSON or anything ({@code *}{@code /*}):
     * false when in doubt, so that API clients keep getting JSON.
     */
    public static boolean prefers(MediaType wanted, String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.isCompatibleWith(wanted) && !type.isWildcardType()) {
                    return true;
                }
                if (type.getSubtype().endsWith("json") || type.isWildcardType()) {
                    return false;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }
}
