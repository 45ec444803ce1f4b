package org.chizu.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.chizu.gis.layer.DataTheme;
import org.chizu.platform.Label;
import org.chizu.opendata.DownloadFormat;
import org.springframework.stereotype.Service;

/**
 * The one search over the catalog's entries, behind both {@code /catalog} and CKAN's
 * {@code package_search}: entries matching a {@link CatalogQuery}, in the registry's order, and
 * the values of a {@link SearchField} for filtering and facets. Runs in memory over the cached
 * entries; each entry's searchable text is lower-cased once and kept until the entry is replaced.
 */
@Service
public class CatalogSearch {

    /** The API distribution's format label, beside the download formats. */
    public static final String API_FORMAT = "OGC API - Features";

    private final CatalogEntries entries;
    private final ContributedDatasets contributed;
    private final CatalogUris uris;
    private final CatalogProperties properties;
    private final List<String> formats;
    private final Map<String, Text> texts = new ConcurrentHashMap<>();

    /** An entry's lower-cased text, valid while the cache still holds this very entry. */
    private record Text(CatalogEntry entry, String lowerCase) {
    }

    CatalogSearch(CatalogEntries entries, ContributedDatasets contributed, CatalogUris uris, CatalogProperties properties) {
        this.entries = entries;
        this.contributed = contributed;
        this.uris = uris;
        this.properties = properties;
        List<String> labels = new ArrayList<>();
        for (DownloadFormat format : DownloadFormat.values()) {
            labels.add(FileFormat.of(format).label());
        }
        labels.add(API_FORMAT);
        this.formats = List.copyOf(labels);
    }

    /** The entries the query matches, in the registry's order. */
    public List<CatalogEntry> matching(CatalogQuery query) {
        List<CatalogEntry> all = entries.all();
        if (query.isEverything()) {
            return all;
        }
        return all.stream().filter(entry -> matches(query, entry.extent(), field -> values(entry, field), () -> text(entry),
                field -> time(entry, field))).toList();
    }

    /** The contributed datasets the query matches, in their contributors' order. */
    public List<ContributedDataset> matchingContributed(CatalogQuery query) {
        List<ContributedDataset> all = contributed.all();
        if (query.isEverything()) {
            return all;
        }
        return all.stream().filter(dataset -> matches(query, dataset.extent(), field -> values(dataset, field),
                () -> searchableText(dataset), field -> field == SearchField.METADATA_CREATED ? dataset.issued() : dataset.modified()))
                .toList();
    }

    /** The values a contributed dataset has in a field, as {@link #values(CatalogEntry, SearchField)} for a layer's. */
    public List<String> values(ContributedDataset dataset, SearchField field) {
        return switch (field) {
            case NAME -> List.of(dataset.id());
            case ID -> List.of(uris.packageId(dataset.id()));
            case TITLE -> List.of(dataset.title().ja(), dataset.title().en());
            case TAGS -> bothLanguages(dataset.keywords());
            case RES_FORMAT -> dataset.distributions().stream().map(ContributedDataset.Distribution::format).distinct().toList();
            case ORGANIZATION -> List.of(properties.publisher().code());
            case GROUPS -> dataset.themes().stream().map(CatalogSearch::groupName).toList();
            case LICENSE_ID -> List.of(licenceId(dataset));
            case TYPE -> List.of("dataset");
            case METADATA_MODIFIED -> dataset.modified().map(Instant::toString).stream().toList();
            case METADATA_CREATED -> dataset.issued().map(Instant::toString).stream().toList();
        };
    }

    /** CKAN's licence ids for terms that are not an open licence: "other-closed" unless anyone may use the data. */
    public static String licenceId(ContributedDataset dataset) {
        return dataset.access() == AccessRights.PUBLIC ? "other-open" : "other-closed";
    }

    /** The values an entry has in a field ("tags" → its keywords in both languages). */
    public List<String> values(CatalogEntry entry, SearchField field) {
        return switch (field) {
            case NAME -> List.of(entry.id());
            case ID -> List.of(uris.packageId(entry.id()));
            case TITLE -> List.of(entry.layer().title().ja(), entry.layer().title().en());
            case TAGS -> tags(entry);
            case RES_FORMAT -> formats;
            case ORGANIZATION -> List.of(properties.publisher().code());
            case GROUPS -> entry.layer().themes().stream().map(CatalogSearch::groupName).toList();
            case LICENSE_ID -> List.of(entry.layer().licence().id());
            case TYPE -> List.of("dataset");
            case METADATA_MODIFIED -> entry.modified().map(Instant::toString).stream().toList();
            case METADATA_CREATED -> entry.issued().map(Instant::toString).stream().toList();
        };
    }

    /** A data theme's name as a CKAN group: its code in lower case ("envi"), as CKAN's name rules want. */
    public static String groupName(DataTheme theme) {
        return theme.name().toLowerCase(Locale.ROOT);
    }

    /** How many of the datasets have each value of the field, values in order of first appearance. */
    public Map<String, Long> facet(List<CatalogEntry> matching, List<ContributedDataset> matchingContributed, SearchField field) {
        return java.util.stream.Stream.concat(matching.stream().flatMap(entry -> values(entry, field).stream()),
                        matchingContributed.stream().flatMap(dataset -> values(dataset, field).stream()))
                .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()));
    }

    /** Keywords in Japanese, then in English, each once. */
    private static List<String> tags(CatalogEntry entry) {
        return bothLanguages(entry.layer().keywords());
    }

    private static List<String> bothLanguages(List<Label> keywords) {
        Set<String> tags = new LinkedHashSet<>();
        keywords.forEach(k -> tags.add(k.ja()));
        keywords.forEach(k -> tags.add(k.en()));
        return List.copyOf(tags);
    }

    /** Whether a dataset, known by its extent, field values, lower-cased text and times, meets every condition. */
    private static boolean matches(CatalogQuery query, Optional<Extent> extent, Function<SearchField, List<String>> values,
            Supplier<String> text, Function<SearchField, Optional<Instant>> time) {
        if (!query.bbox().isEmpty() && !extent
                .map(box -> query.bbox().stream().anyMatch(wanted -> intersects(box, wanted))).orElse(false)) {
            return false;
        }
        for (CatalogQuery.Term term : query.terms()) {
            boolean holds = switch (term) {
                case CatalogQuery.Word word -> text.get().contains(word.lowerCase());
                case CatalogQuery.FieldValue value -> values.apply(value.field()).contains(value.value());
                case CatalogQuery.TimeRange range -> time.apply(range.field())
                        .filter(t -> range.from().map(from -> !t.isBefore(from)).orElse(true))
                        .filter(t -> range.to().map(to -> !t.isAfter(to)).orElse(true))
                        .isPresent();
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Instant> time(CatalogEntry entry, SearchField field) {
        return field == SearchField.METADATA_CREATED ? entry.issued() : entry.modified();
    }

    private static boolean intersects(Extent a, Extent b) {
        return a.minLon() <= b.maxLon() && b.minLon() <= a.maxLon() && a.minLat() <= b.maxLat() && b.minLat() <= a.maxLat();
    }

    private String text(CatalogEntry entry) {
        Text text = texts.get(entry.id());
        if (text == null || text.entry() != entry) {
            text = new Text(entry, searchableText(entry));
            texts.put(entry.id(), text);
        }
        return text.lowerCase();
    }

    /** Name, titles, descriptions (with the sample-data warning) and keywords, lower-cased. */
    private static String searchableText(CatalogEntry entry) {
        StringBuilder text = new StringBuilder(entry.id());
        Label title = entry.layer().title();
        text.append('\n').append(title.ja()).append('\n').append(title.en())
                .append('\n').append(entry.description("ja")).append('\n').append(entry.description("en"));
        tags(entry).forEach(tag -> text.append('\n').append(tag));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String searchableText(ContributedDataset dataset) {
        StringBuilder text = new StringBuilder(dataset.id());
        for (Label label : List.of(dataset.title(), dataset.description(), dataset.creator())) {
            text.append('\n').append(label.ja()).append('\n').append(label.en());
        }
        bothLanguages(dataset.keywords()).forEach(tag -> text.append('\n').append(tag));
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
