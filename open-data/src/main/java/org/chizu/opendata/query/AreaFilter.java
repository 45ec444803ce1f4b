package org.chizu.opendata.query;

/** An area the features must intersect, beyond a bounding box. */
public sealed interface AreaFilter {

    /**
     * A polygon given by the client.
     *
     * @param wkt a valid Polygon or MultiPolygon in well-known text
     * @param crs the CRS of its coordinates
     */
    record Polygon(String wkt, OutputCrs crs) implements AreaFilter {
    }

    /**
     * The area of a municipality the platform serves, as asked; {@code FeatureQueryService.resolved}
     * turns it into its boundary, a {@link Polygon}, before the query runs.
     *
     * @param code the five-digit local government code (全国地方公共団体コード without check digit)
     */
    record Municipality(String code) implements AreaFilter {
    }
}
