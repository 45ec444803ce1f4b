/**
 * Forestry (森林): the town's airborne laser survey (航空レーザ計測) kept as an archive of LAS/LAZ tiles,
 * each indexed in PostGIS by its extent, point counts and density and tied to its survey and surveying
 * body. The public API is {@link org.chizu.forestry.laser.LaserArchive}.
 */
package org.chizu.forestry;
