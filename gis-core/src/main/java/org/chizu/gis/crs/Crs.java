package org.chizu.gis.crs;

/**
 * A coordinate reference system that PostGIS knows (a row of {@code spatial_ref_sys}).
 *
 * @param srid       its EPSG code
 * @param name       its name ("JGD2011 / Japan Plane Rectangular CS III")
 * @param geographic whether its coordinates are longitude and latitude in degrees
 */
public record Crs(int srid, String name, boolean geographic) {
}
