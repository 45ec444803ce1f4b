package org.chizu.gis.layer;

import org.chizu.platform.Label;

import org.chizu.platform.Audience;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A layer as declared once in the registry: everything the tile server, the feature API, the
 * downloads and the catalog need to publish it. Immutable; identifiers in it were checked against
 * the database when the registry loaded, so they may be quoted into SQL.
 *
 * @param id          the layer id used in every URL ("roads")
 * @param title       how the layer is called
 * @param description what it holds and where it comes from
 * @param table       the table in the application's schema
 * @param idColumn    the table's integer primary key
 * @param geometry    the geometry column
 * @param attributes  the published attributes, in display order
 * @param licence     the licence the data is published under
 * @param access      who may see the layer
 * @param style       default map styling
 * @param keywords    search keywords for catalogs
 * @param tiles       how the layer is cut into vector tiles; defaults when the declaration has none
 * @param themes      the EU data themes catalogs classify the layer under; none when not declared
 * @param temporal    the date attribute telling what time the data is about; null when the layer has none
 * @param sections    the sections other modules own (open-data's {@code history} and {@code standards} …), read with {@link #section}
 */
public record Layer(
        String id,
        Label title,
        Label description,
        String table,
        String idColumn,
        LayerGeometry geometry,
        List<Attribute> attributes,
        Licence licence,
        Access access,
        Style style,
        List<Label> keywords,
        TileSettings tiles,
        List<DataTheme> themes,
        Temporal temporal,
        LayerSections sections) {

    public Layer {
        Objects.requireNonNull(id, "layer id");
        Objects.requireNonNull(title, "title of layer " + id);
        Objects.requireNonNull(table, "table of layer " + id);
        Objects.requireNonNull(geometry, "geometry of layer " + id);
        Objects.requireNonNull(licence, "licence of layer " + id);
        Objects.requireNonNull(access, "access of layer " + id);
        description = description == null ? title : description;
        idColumn = idColumn == null ? "id" : idColumn;
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        style = style == null ? new Style(null, null, null, null, null, null) : style;
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        tiles = tiles == null ? TileSettings.defaults() : tiles;
        for (int z = tiles.minzoom(); z <= tiles.maxzoom(); z++) {
            tiles.at(z, attributes); // stops start-up on a tile rule naming what the layer lacks
        }
        tiles.checkGeneralizations(geometry.kind(), attributes);
        List<String> problems = new ArrayList<>();
        sections = sections == null ? LayerSections.NONE : sections;
        themes = List.copyOf(themes == null ? List.of() : new LinkedHashSet<>(themes));
        if (temporal != null && attribute(attributes, temporal.attribute()).map(a -> a.type() != AttributeType.DATE).orElse(true)) {
            problems.add("temporal attribute '" + temporal.attribute() + "' must be one of the layer's date attributes");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("layer " + id + ": " + String.join("; ", problems));
        }
    }

    /**
     * A module's own section of the declaration read as its type, such as
     * {@code layer.section("booking", BookingSection.class)}; empty when the declaration has none.
     */
    public <T> Optional<T> section(String name, Class<T> type) {
        return sections.get(name, type);
    }

    Layer withSections(LayerSections written) {
        return new Layer(id, title, description, table, idColumn, geometry, attributes, licence, access, style, keywords,
                tiles, themes, temporal, written);
    }

    public boolean isVisibleTo(Audience audience) {
        return access.allows(audience);
    }

    public Optional<Attribute> attribute(String name) {
        return attribute(attributes, name);
    }

    private static Optional<Attribute> attribute(List<Attribute> attributes, String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
