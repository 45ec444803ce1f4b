package org.chizu.opendata.query;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from the database.
 *
 * @param id       the feature's id, stable across versions
 * @param values   the values of the layer's attributes in declaration order (null where empty):
 *                 text as String, integer as Long, decimal as BigDecimal, boolean as Boolean,
 *                 date as LocalDate
 * @param geometry the geometry in the query's CRS, its SRID set
 */
public record FeatureRow(long id, List<Object> values, Geometry geometry) {
}
