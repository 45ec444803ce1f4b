package org.chizu.opendata.query;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;

/**
 * What features to read from one layer, and in which CRS. Immutable; absent parts are null (no
 * box, no area, no extra filter, no limit, the current data). Features are always ordered by id,
 * so that limit/offset pages are stable.
 *
 * @param layer          the layer, as the registry hands it out (its identifiers are trusted)
 * @param bbox           features intersecting this box, or null
 * @param within         features intersecting this area, or null
 * @param crs            the CRS of the geometries returned
 * @param propertyEquals attribute name → value every feature must have; names are registry attributes
 * @param extraFilter    a further condition (CQL2), or null
 * @param limit          at most this many features, or null for all
 * @param offset         features skipped before the first returned
 * @param asOf           the data as it was at this instant, or null for the current data
 */
public record FeatureQuery(
        Layer layer,
        BoundingBox bbox,
        AreaFilter within,
        OutputCrs crs,
        Map<String, Object> propertyEquals,
        SqlFilter extraFilter,
        Long limit,
        long offset,
        Instant asOf) {

    public FeatureQuery {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(crs, "crs");
        propertyEquals = Map.copyOf(propertyEquals);
        for (String name : propertyEquals.keySet()) {
            if (layer.attribute(name).isEmpty()) {
                throw new IllegalArgumentException("layer " + layer.id() + " has no attribute '" + name + "'");
            }
        }
        if (limit != null && limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
    }

    /** Every current feature of the layer in JGD2011 longitude/latitude. */
    public static FeatureQuery wholeLayer(Layer layer) {
        return new FeatureQuery(layer, null, null, OutputCrs.JGD2011, Map.of(), null, null, 0, null);
    }

    public FeatureQuery withBbox(BoundingBox box) {
        return new FeatureQuery(layer, box, within, crs, propertyEquals, extraFilter, limit, offset, asOf);
    }

    public FeatureQuery within(AreaFilter area) {
        return new FeatureQuery(layer, bbox, area, crs, propertyEquals, extraFilter, limit, offset, asOf);
    }

    public FeatureQuery inCrs(OutputCrs outputCrs) {
        return new FeatureQuery(layer, bbox, within, outputCrs, propertyEquals, extraFilter, limit, offset, asOf);
    }

    /**
     * Adds an equality condition on an attribute, converting the text as the attribute's type reads it.
     *
     * @throws IllegalArgumentException for an unknown attribute or a value of the wrong type
     */
    public FeatureQuery whereEquals(String attributeName, String value) {
        Attribute attribute = layer.attribute(attributeName).orElseThrow(() -> new IllegalArgumentException(
                "layer " + layer.id() + " has no attribute '" + attributeName + "'"));
        Object typed;
        try {
            typed = attribute.type().parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(attributeName + ": " + e.getMessage());
        }
        if (typed == null) {
            throw new IllegalArgumentException(attributeName + ": an empty value cannot be matched");
        }
        Map<String, Object> filters = new TreeMap<>(propertyEquals);
        filters.put(attributeName, typed);
        return new FeatureQuery(layer, bbox, within, crs, filters, extraFilter, limit, offset, asOf);
    }

    public FeatureQuery filteredBy(SqlFilter filter) {
        return new FeatureQuery(layer, bbox, within, crs, propertyEquals, filter, limit, offset, asOf);
    }

    public FeatureQuery page(Long pageLimit, long pageOffset) {
        return new FeatureQuery(layer, bbox, within, crs, propertyEquals, extraFilter, pageLimit, pageOffset, asOf);
    }

    public FeatureQuery asOf(Instant instant) {
        return new FeatureQuery(layer, bbox, within, crs, propertyEquals, extraFilter, limit, offset, instant);
    }

    /**
     * A stable text naming everything that selects the features (not the layer's data version):
     * equal for equal queries, whatever order the parameters came in. Used in cache keys and ETags.
     */
    public String canonical() {
        return String.join(";",
                "layer=" + layer.id(),
                "bbox=" + (bbox == null ? "" : bbox.minX() + "," + bbox.minY() + "," + bbox.maxX() + "," + bbox.maxY() + "@" + bbox.crs().srid()),
                "within=" + switch (within) {
                    case null -> "";
                    case AreaFilter.Municipality m -> m.code();
                    case AreaFilter.Polygon p -> p.wkt() + "@" + p.crs().srid();
                },
                "crs=" + crs.srid() + (crs.yFirst() ? "/yx" : ""),
                "where=" + new TreeMap<>(propertyEquals),
                "filter=" + (extraFilter == null ? "" : extraFilter.sql() + extraFilter.values()),
                "limit=" + (limit == null ? "" : limit),
                "offset=" + offset,
                "asOf=" + (asOf == null ? "" : asOf));
    }
}
