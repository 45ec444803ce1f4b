package org.chizu.gis.layer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a layer is cut into vector tiles: the {@code tiles} section of its declaration. Everything
 * is optional; an absent section means every zoom from {@value #DEFAULT_MINZOOM} to
 * {@value #DEFAULT_MAXZOOM} with every attribute and no filter.
 *
 * <p>Lower zooms are thinned out by {@link ZoomRule}s: the first rule whose {@code upTo} is at least
 * the requested zoom applies; above the last rule tiles carry full detail. Filters name allowed
 * values of enumerated attributes, never SQL, so a declaration cannot inject anything into a query.
 *
 * @param minzoom        the lowest zoom that has tiles
 * @param maxzoom        the highest zoom that has tiles; clients over-zoom beyond it
 * @param geometryColumn the layer's Web Mercator (EPSG:3857) geometry column, spatially indexed,
 *                       that tiles are cut from
 * @param attributes     the attributes tiles carry at full detail, in the layer's declaration order;
 *                       all declared attributes when absent
 * @param extent         the tile's coordinate grid (MVT extent)
 * @param buffer         how far, in grid units, geometry reaches past the tile edge so lines and
 *                       outlines join without seams
 * @param zooms          rules for lower zooms, ordered by {@code upTo}
 * @param generalize     generalisations for lower zooms, ordered by {@code upTo}: tiles at those zooms
 *                       are cut from a table of merged or simplified features instead of the layer's rows
 */
public record TileSettings(
        Integer minzoom,
        Integer maxzoom,
        String geometryColumn,
        List<String> attributes,
        Integer extent,
        Integer buffer,
        List<ZoomRule> zooms,
        List<Generalization> generalize) {

    public static final int DEFAULT_MINZOOM = 0;
    public static final int DEFAULT_MAXZOOM = 18;
    /** The deepest zoom of the WebMercatorQuad tile matrix set. */
    public static final int MAX_ZOOM = 24;
    public static final String DEFAULT_GEOMETRY_COLUMN = "geom_3857";
    public static final int DEFAULT_EXTENT = 4096;
    public static final int DEFAULT_BUFFER = 64;

    public TileSettings {
        minzoom = minzoom == null ? DEFAULT_MINZOOM : minzoom;
        maxzoom = maxzoom == null ? DEFAULT_MAXZOOM : maxzoom;
        geometryColumn = geometryColumn == null ? DEFAULT_GEOMETRY_COLUMN : geometryColumn;
        attributes = attributes == null ? null : List.copyOf(attributes);
        extent = extent == null ? DEFAULT_EXTENT : extent;
        buffer = buffer == null ? DEFAULT_BUFFER : buffer;
        zooms = zooms == null ? List.of() : List.copyOf(zooms);
        generalize = generalize == null ? List.of() : List.copyOf(generalize);
        if (minzoom < 0 || maxzoom > MAX_ZOOM || minzoom > maxzoom) {
            throw new IllegalArgumentException("tile zooms must satisfy 0 <= minzoom <= maxzoom <= " + MAX_ZOOM);
        }
        if (extent < 256 || buffer < 0 || buffer > extent) {
            throw new IllegalArgumentException("tile extent must be at least 256 and buffer between 0 and extent");
        }
        for (int i = 1; i < zooms.size(); i++) {
            if (zooms.get(i).upTo() <= zooms.get(i - 1).upTo()) {
                throw new IllegalArgumentException("tile zoom rules must be ordered by increasing upTo");
            }
        }
        for (int i = 1; i < generalize.size(); i++) {
            if (generalize.get(i).upTo() <= generalize.get(i - 1).upTo()) {
                throw new IllegalArgumentException("tile generalisations must be ordered by increasing upTo");
            }
        }
    }

    /** The settings of a declaration without a {@code tiles} section. */
    public static TileSettings defaults() {
        return new TileSettings(null, null, null, null, null, null, null, null);
    }

    /**
     * A rule for the zooms up to {@code upTo}.
     *
     * @param upTo       the highest zoom the rule applies to
     * @param only       keeps only features whose attribute has one of the listed allowed values
     *                   ({@code road_class: [national, prefectural]}); empty keeps every feature
     * @param attributes the attributes tiles carry at these zooms; those of the layer's tiles when absent
     * @param simplify   simplification tolerance in screen pixels of a 256-pixel tile; 0 for none
     */
    public record ZoomRule(int upTo, Map<String, List<String>> only, List<String> attributes, Double simplify) {

        public ZoomRule {
            only = only == null ? Map.of() : Map.copyOf(only);
            attributes = attributes == null ? null : List.copyOf(attributes);
            simplify = simplify == null ? 0.0 : simplify;
            if (simplify < 0) {
                throw new IllegalArgumentException("simplify must not be negative");
            }
        }
    }

    /**
     * A generalisation for the zooms up to {@code upTo}, the first whose {@code upTo} is at least the
     * zoom: tiles at those zooms read a table prepared ahead instead of the layer's rows. With
     * {@code groupBy}, a line layer's lines are grouped by those attributes and each group is merged
     * into one simplified feature; tiles may then carry, and filter by, only the {@code groupBy}
     * attributes, as nothing else survives the grouping. Without {@code groupBy}, every feature of a
     * line or polygon layer is kept with all its attributes and only its geometry is simplified ahead,
     * so a low-zoom tile spends no time simplifying.
     *
     * @param upTo      the highest zoom it applies to
     * @param groupBy   the declared attributes whose equal values make one merged feature; empty to
     *                  keep every feature
     * @param tolerance simplification tolerance in Web Mercator metres; 0 for none
     */
    public record Generalization(int upTo, List<String> groupBy, Double tolerance) {

        public Generalization {
            groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
            tolerance = tolerance == null ? 0.0 : tolerance;
            if (tolerance < 0 || tolerance.isNaN()) {
                throw new IllegalArgumentException("tile generalisation tolerance must not be negative");
            }
        }

        /** Whether features are merged into groups, rather than each kept and simplified. */
        public boolean merges() {
            return !groupBy.isEmpty();
        }
    }

    /**
     * The lowest zoom whose tiles carry features with this value of the attribute: {@code minzoom}
     * unless the rules for lower zooms keep only other values.
     */
    public int firstZoomShowing(String attribute, String value) {
        for (int z = minzoom; z < maxzoom; z++) {
            List<String> kept = ruleAt(z).map(r -> r.only().get(attribute)).orElse(null);
            if (kept == null || kept.contains(value)) {
                return z;
            }
        }
        return maxzoom;
    }

    /** The rule that thins out zoom {@code z}: the first whose {@code upTo} is at least {@code z}; empty above them all. */
    private Optional<ZoomRule> ruleAt(int z) {
        return zooms.stream().filter(r -> z <= r.upTo()).findFirst();
    }

    /** The generalisation tiles at zoom {@code z} are cut from; empty when they come from the layer's rows. */
    public Optional<Generalization> generalizationAt(int z) {
        return generalize.stream().filter(g -> z <= g.upTo()).findFirst();
    }

    /**
     * Checks the generalisations against the layer.
     *
     * @throws IllegalArgumentException when the layer's geometry is points, a merging one is not on
     *                                  lines, a {@code groupBy} names an undeclared attribute, or tiles
     *                                  at a merged zoom carry or filter by an attribute the grouping drops
     */
    public void checkGeneralizations(GeometryKind kind, List<Attribute> declared) {
        if (generalize.isEmpty()) {
            return;
        }
        if (kind == GeometryKind.POINT) {
            throw new IllegalArgumentException("tiles generalize simplifies lines and polygons, but this layer's geometry is "
                    + kind.postgisName() + ": points have nothing to simplify or merge");
        }
        for (Generalization g : generalize) {
            if (g.merges() && kind != GeometryKind.MULTI_LINE_STRING) {
                throw new IllegalArgumentException("tiles generalize (upTo " + g.upTo() + ") merges lines, but this layer's geometry is "
                        + kind.postgisName() + "; polygons are generalised without groupBy (each one kept and simplified)");
            }
            g.groupBy().stream().filter(n -> declared.stream().noneMatch(a -> a.name().equals(n))).findFirst()
                    .ifPresent(n -> {
                        throw new IllegalArgumentException("tiles generalize (upTo " + g.upTo() + ") groups by "
                                + n + ", which the layer does not declare");
                    });
        }
        for (int z = minzoom; z <= maxzoom; z++) {
            Generalization g = generalizationAt(z).filter(Generalization::merges).orElse(null);
            if (g == null) {
                continue;
            }
            AtZoom atZoom = at(z, declared);
            List<String> lost = Stream.concat(atZoom.attributes().stream(), atZoom.only().keySet().stream())
                    .map(Attribute::name).filter(n -> !g.groupBy().contains(n)).distinct().toList();
            if (!lost.isEmpty()) {
                throw new IllegalArgumentException("at zoom " + z + " tiles carry or filter by " + String.join(", ", lost)
                        + ", which tiles generalize (upTo " + g.upTo() + ") does not group by");
            }
        }
    }

    /**
     * What a tile at one zoom carries.
     *
     * @param attributes the attributes, in declaration order
     * @param only       attribute name to the allowed values a feature must have; empty for all features
     * @param simplify   simplification tolerance in screen pixels of a 256-pixel tile; 0 for none
     */
    public record AtZoom(List<Attribute> attributes, Map<Attribute, List<String>> only, double simplify) {
    }

    /**
     * What tiles carry at zoom {@code z}, resolved against the layer's declared attributes.
     *
     * @throws IllegalArgumentException when the settings name an attribute the layer does not
     *                                  declare, or filter by a value the attribute does not allow
     */
    public AtZoom at(int z, List<Attribute> declared) {
        ZoomRule rule = ruleAt(z).orElse(null);
        List<String> names = rule != null && rule.attributes() != null ? rule.attributes()
                : attributes != null ? attributes : declared.stream().map(Attribute::name).toList();
        List<Attribute> carried = declared.stream().filter(a -> names.contains(a.name())).toList();
        names.stream().filter(n -> declared.stream().noneMatch(a -> a.name().equals(n))).findFirst()
                .ifPresent(n -> {
                    throw new IllegalArgumentException("tiles name attribute " + n + ", which the layer does not declare");
                });
        Map<Attribute, List<String>> only = new java.util.LinkedHashMap<>();
        if (rule != null) {
            rule.only().forEach((name, values) -> only.put(filterAttribute(name, values, declared), List.copyOf(values)));
        }
        return new AtZoom(carried, only, rule == null ? 0.0 : rule.simplify());
    }

    private static Attribute filterAttribute(String name, List<String> values, List<Attribute> declared) {
        Attribute attribute = declared.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tiles filter by " + name + ", which the layer does not declare"));
        if (attribute.type() != AttributeType.TEXT || attribute.values().isEmpty()) {
            throw new IllegalArgumentException("tiles may filter only by text attributes with allowed values, not by " + name);
        }
        Objects.requireNonNull(values, "values of the tile filter by " + name);
        values.stream().filter(v -> attribute.allowedValue(v).isEmpty()).findFirst().ifPresent(v -> {
            throw new IllegalArgumentException("tiles filter by " + name + " = " + v + ", which is not an allowed value");
        });
        return attribute;
    }
}
