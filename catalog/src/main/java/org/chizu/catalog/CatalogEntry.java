package org.chizu.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.Layer;

/**
 * What the catalog says about one public layer: the registry's declaration plus the facts read
 * from the data. Both the DCAT model and the CKAN API are built from these, so they never disagree.
 *
 * @param layer    the layer's declaration
 * @param extent   where its features lie; empty when it has none
 * @param issued   its oldest version still recorded; empty when it never had data
 * @param modified its current version; empty when it never had data
 * @param sources  where its data came from, with the attribution to show
 * @param temporal the period its data covers; empty when nothing tells
 */
public record CatalogEntry(Layer layer, Optional<Extent> extent, Optional<Instant> issued,
        Optional<Instant> modified, List<DataSource> sources, Optional<Period> temporal) {

    public CatalogEntry {
        Objects.requireNonNull(layer, "layer");
        sources = List.copyOf(sources);
    }

    public String id() {
        return layer.id();
    }

    /** Whether any of the data was generated for the sample town rather than surveyed. */
    public boolean sample() {
        return sources.stream().anyMatch(DataSource::sample);
    }

    /** The layer's description in a language, with a warning first when any of its data is sample data. */
    public String description(String language) {
        String text = layer.description().in(language);
        if (!sample()) {
            return text;
        }
        return language.startsWith("en")
                ? "[Sample data] Generated for testing, not surveyed. " + text
                : "【サンプルデータ】このデータは試験用に生成したもので、実際の調査結果ではありません。" + text;
    }

    /** Where the data came from, with the attribution lines to show; empty when no source is recorded. */
    public String provenance(String language) {
        boolean english = language.startsWith("en");
        return sources.stream().map(source -> {
            String line = source.title().in(language);
            if (source.attribution() != null) {
                line += english ? " (" + source.attribution() + ")" : "（" + source.attribution() + "）";
            }
            return source.sample() ? line + (english ? " [sample]" : "［サンプル］") : line;
        }).collect(Collectors.joining(english ? "; " : "／"));
    }
}
