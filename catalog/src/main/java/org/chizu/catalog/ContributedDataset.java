package org.chizu.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chizu.gis.layer.DataTheme;
import org.chizu.platform.Label;

/**
 * A dataset a {@link CatalogContributor} publishes in the catalog. Invariant: the id is a CKAN
 * package name (lower-case letters, digits, {@code -} and {@code _}), unique across the catalog.
 *
 * @param id            the dataset's name, also its last URI segment ({@code /dataset/{id}})
 * @param creator       who made the data and whose terms govern it (a surveying body, 測量計画機関):
 *                      the dataset's {@code dct:creator} and {@code dct:publisher}
 * @param access        who may use it; anything but {@link AccessRights#PUBLIC} says an approval is needed
 * @param terms         the licence or terms of use, and what re-use requires
 * @param landingPage   the page for people, a path on this server ({@code /forestry?survey=3})
 * @param partOf        the id of the dataset this one is a part of (a survey's product), if any
 * @param distributions how to get the data, each at its access-controlled address
 */
public record ContributedDataset(String id, Label title, Label description, List<Label> keywords, List<DataTheme> themes,
        Label creator, AccessRights access, Terms terms, Optional<Extent> extent, Optional<Period> temporal,
        Optional<Instant> issued, Optional<Instant> modified, String landingPage, Optional<String> partOf,
        List<Distribution> distributions) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{2,100}");

    public ContributedDataset {
        if (!NAME.matcher(id).matches()) {
            throw new IllegalArgumentException("a contributed dataset's id must be a CKAN name: " + id);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(terms, "terms");
        if (!landingPage.startsWith("/")) {
            throw new IllegalArgumentException("the landing page is a path on this server: " + landingPage);
        }
        keywords = List.copyOf(keywords);
        themes = List.copyOf(themes);
        distributions = List.copyOf(distributions);
    }

    /**
     * The terms that govern re-use.
     *
     * @param uri       the terms' document: a licence's URI, or a path on this server ({@code /api/forestry/terms})
     * @param title     its name
     * @param statement what re-use requires, in a sentence (the approval to obtain, the credit to give)
     */
    public record Terms(String uri, Label title, Label statement) {
    }

    /**
     * One way to get the data.
     *
     * @param key       unique within the dataset, the last segment of the distribution's URI
     * @param path      where it is served, a path on this server (access-controlled as the dataset says)
     * @param mediaType    the media type it is served with ("image/tiff; application=geotiff; profile=cloud-optimized")
     * @param mediaTypeUri the IANA registration of its media type; empty for unregistered types ({@code application/vnd.laszip})
     * @param format       the short format name CKAN filters on ("COG", "LAZ")
     * @param formatUri the EU file-type URI, or the format's own specification where the EU list has none
     * @param byteSize  its size, when known without making it
     */
    public record Distribution(String key, Label title, String path, String mediaType, Optional<String> mediaTypeUri,
            String format, String formatUri, Optional<Long> byteSize) {
    }
}
