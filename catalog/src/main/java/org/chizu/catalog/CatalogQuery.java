package org.chizu.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search of the catalog, as both the DCAT catalog ({@code /catalog}) and CKAN's
 * {@code package_search} take it, from the same parameters:
 * <ul>
 * <li>{@code q}: words (every one must occur in the name, title, description or keywords, ignoring
 * case) and {@code field:value} terms, e.g. {@code 避難 tags:防災};
 * <li>{@code fq}: {@code field:value} terms only, and time ranges
 * ({@code metadata_modified:[2026-01-01T00:00:00Z TO *]}, as CKAN harvesters send);
 * <li>{@code modified_since}: an ISO date or date-time; datasets whose data changed then or later;
 * <li>{@code ext_bbox}: {@code minx,miny,maxx,maxy} in WGS 84 longitude/latitude, as
 * ckanext-spatial reads it; datasets whose extent intersects the box. A minx larger than maxx is a box
 * across the antimeridian, as OGC API – Features defines it.
 * </ul>
 * All terms must hold. A value is quoted when it holds spaces ({@code res_format:"OGC API - Features"}).
 *
 * @param terms      the conditions on fields and text
 * @param bbox       the area the dataset's extent must intersect: one box, or its two halves when it
 *                   crosses the antimeridian; empty for anywhere
 * @param parameters the parameters as given (blank ones left out), to carry into paging links
 */
public record CatalogQuery(List<Term> terms, List<Extent> bbox, Map<String, String> parameters) {

    /** The parameters a search reads, in the order paging links repeat them. */
    public static final List<String> PARAMETERS = List.of("q", "fq", "modified_since", "ext_bbox");

    private static final Pattern TERM = Pattern.compile(
            "\\+?(?:([\\w.]+):)?(?:\\[(\\S+) TO (\\S+)]|\"([^\"]*)\"|(\\S+))");

    public CatalogQuery {
        terms = List.copyOf(terms);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A condition on one entry. */
    public sealed interface Term {
    }

    /** A word that must occur in the entry's text; lower-cased. */
    public record Word(String lowerCase) implements Term {
    }

    /** A value the field must hold exactly. */
    public record FieldValue(SearchField field, String value) implements Term {
    }

    /** A time field within a closed range; an empty end is open. */
    public record TimeRange(SearchField field, Optional<Instant> from, Optional<Instant> to) implements Term {
    }

    /**
     * Reads a search from request parameters.
     *
     * @param parameter a parameter's value by name, empty when not given
     * @throws InvalidSearchException naming the first unusable parameter
     */
    public static CatalogQuery from(Function<String, Optional<String>> parameter) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            parameter.apply(name).filter(v -> !v.isBlank()).ifPresent(v -> given.put(name, v));
        }
        List<Term> terms = new ArrayList<>();
        Optional.ofNullable(given.get("q")).ifPresent(q -> terms.addAll(terms("q", q, true)));
        Optional.ofNullable(given.get("fq")).ifPresent(fq -> terms.addAll(terms("fq", fq, false)));
        Optional.ofNullable(given.get("modified_since")).ifPresent(since -> terms.add(new TimeRange(
                SearchField.METADATA_MODIFIED, Optional.of(time("modified_since", since)), Optional.empty())));
        List<Extent> bbox = Optional.ofNullable(given.get("ext_bbox")).map(CatalogQuery::bbox).orElse(List.of());
        return new CatalogQuery(terms, bbox, given);
    }

    /** Whether the search leaves every entry in. */
    public boolean isEverything() {
        return terms.isEmpty() && bbox.isEmpty();
    }

    /** The given parameters as a query string with a trailing {@code &} ("q=%E9%81%93&"), or "" for none. */
    public String queryString() {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")).append('&'));
        return query.toString();
    }

    private static List<Term> terms(String parameter, String text, boolean wordsAllowed) {
        List<Term> terms = new ArrayList<>();
        if (text.strip().equals("*:*")) {
            return terms;
        }
        Matcher matcher = TERM.matcher(text);
        while (matcher.find()) {
            String fieldName = matcher.group(1);
            String value = matcher.group(4) != null ? matcher.group(4) : matcher.group(5);
            if (fieldName == null) {
                if (matcher.group(2) != null || !wordsAllowed) {
                    throw new InvalidSearchException(parameter, "Use field:value terms, e.g. tags:道路");
                }
                terms.add(new Word(value.toLowerCase(Locale.ROOT)));
                continue;
            }
            SearchField field = SearchField.named(fieldName).orElseThrow(() -> new InvalidSearchException(parameter,
                    "Unknown field '" + fieldName + "'; use one of " + SearchField.names()));
            if (field.isTime() != (matcher.group(2) != null)) {
                throw new InvalidSearchException(parameter, field.isTime()
                        ? "Search " + fieldName + " by a range, e.g. " + fieldName + ":[2026-01-01T00:00:00Z TO *]"
                        : "Only metadata_modified and metadata_created take a range");
            }
            terms.add(field.isTime()
                    ? new TimeRange(field, end(parameter, matcher.group(2)), end(parameter, matcher.group(3)))
                    : new FieldValue(field, value));
        }
        return terms;
    }

    private static Optional<Instant> end(String parameter, String text) {
        return text.equals("*") ? Optional.empty() : Optional.of(time(parameter, text));
    }

    /** An ISO date-time; without an offset it is UTC, a bare date is its first instant in UTC. */
    private static Instant time(String parameter, String text) {
        String trimmed = text.strip();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADateTime) {
                try {
                    return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new InvalidSearchException(parameter, "'" + text
                            + "' is not an ISO date or date-time such as 2026-11-01 or 2026-11-01T09:00:00+09:00");
                }
            }
        }
    }

    /** ckanext-spatial's {@code ext_bbox}: four numbers, west, south, east, north, in longitude/latitude. */
    private static List<Extent> bbox(String text) {
        String usage = "Wrong bounding box provided; use minx,miny,maxx,maxy in WGS 84 longitude/latitude, e.g. 131.7,34.6,131.9,34.7";
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidSearchException("ext_bbox", usage);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidSearchException("ext_bbox", usage);
            }
        }
        // The comparisons are false for NaN, so these also refuse values that are not numbers.
        boolean onEarth = Math.abs(v[0]) <= 180 && Math.abs(v[2]) <= 180 && Math.abs(v[1]) <= 90 && Math.abs(v[3]) <= 90;
        if (!onEarth || v[1] > v[3]) {
            throw new InvalidSearchException("ext_bbox", usage);
        }
        return v[0] <= v[2] ? List.of(new Extent(v[0], v[1], v[2], v[3]))
                : List.of(new Extent(v[0], v[1], 180, v[3]), new Extent(-180, v[1], v[2], v[3]));
    }
}
