package org.chizu.gis.imports;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Objects;

/**
 * What to import, and how. Every setting but the layer and the file name may be null, meaning
 * "as the file says, or the format's default".
 *
 * @param layerId    the layer the features go into
 * @param fileName   the file's name as its owner knows it; it gives the format when none is set
 * @param format     the file format, or null to tell it from the file name
 * @param sourceSrid the EPSG code of the file's coordinates, or null for the format's default:
 *                   GeoJSON's legacy {@code crs} member or else RFC 7946 longitude/latitude
 *                   (CRS84), a GeoPackage table's own spatial reference system, the system a
 *                   Shapefile's .prj names, and JGD2011 longitude/latitude (EPSG:6668) for CSV
 * @param encoding   the text encoding of a CSV file or a Shapefile's .dbf, or null to detect it:
 *                   UTF-8 when the whole file decodes as UTF-8, else Shift_JIS as Excel writes it
 *                   (Windows-31J); a Shapefile's .cpg or its .dbf's language driver id comes first
 * @param mode       whether the features are added to the layer or replace its features
 * @param table      the GeoPackage feature table to read, or null for the first one; for a zip,
 *                   the Shapefile in it (its name without .shp, or its path), needed when it holds several
 * @param axisOrder  which of a CSV file's x/y columns holds the northing, or null to tell it from the
 *                   column names (see {@link AxisOrder}); only for CSV x/y columns
 * @param layout     the id of the file layout to read the file with ({@code layouts/*.yml}), or null
 *                   to recognise one of the layer's layouts from the file's columns, if any
 * @param dryRun     whether to check and map everything and show the first rows as they would be
 *                   stored, writing nothing
 * @param allowOutside whether features that lie outside every municipality the platform serves are
 *                   imported too; by default such a file is refused (when any boundary is loaded)
 */
public record ImportRequest(String layerId, String fileName, Format format, Integer sourceSrid,
                            Charset encoding, Mode mode, String table, AxisOrder axisOrder, String layout, boolean dryRun,
                            boolean allowOutside) {

    public ImportRequest {
        Objects.requireNonNull(layerId, "layer id");
        Objects.requireNonNull(fileName, "file name");
        mode = mode == null ? Mode.APPEND : mode;
    }

    /** Imports the file into the layer with every setting at its default. */
    public static ImportRequest of(String layerId, String fileName) {
        return new ImportRequest(layerId, fileName, null, null, null, Mode.APPEND, null, null, null, false, false);
    }

    public ImportRequest withFormat(Format format) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withSourceSrid(Integer sourceSrid) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withEncoding(Charset encoding) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withMode(Mode mode) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withTable(String table) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withAxisOrder(AxisOrder axisOrder) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withLayout(String layout) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withDryRun(boolean dryRun) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    public ImportRequest withAllowOutside(boolean allowOutside) {
        return new ImportRequest(layerId, fileName, format, sourceSrid, encoding, mode, table, axisOrder, layout, dryRun, allowOutside);
    }

    /** The format given, or the one the file name's extension stands for. */
    public Format effectiveFormat() {
        return format != null ? format : Format.ofFileName(fileName);
    }

    /** The file formats Chizu imports. */
    public enum Format {
        GEOJSON("geojson", "json"),
        GEOPACKAGE("gpkg"),
        CSV("csv", "txt"),
        /** An ESRI Shapefile: a .shp with its .dbf, .prj, .cpg beside it, or a zip holding them. */
        SHAPEFILE("shp", "zip");

        private final String name;
        private final String[] extensions;

        Format(String... extensions) {
            this.name = extensions[0];
            this.extensions = extensions;
        }

        /**
         * The format a file name's extension stands for (.geojson/.json, .gpkg, .csv/.txt, .shp/.zip).
         *
         * @throws IllegalArgumentException for any other extension
         */
        public static Format ofFileName(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                for (String extension : format.extensions) {
                    if (lower.endsWith("." + extension)) {
                        return format;
                    }
                }
            }
            throw new IllegalArgumentException("cannot tell the format of '" + fileName
                    + "' from its name: name it .geojson, .gpkg, .csv, .shp or .zip (a zipped Shapefile), "
                    + "or give the format (geojson, gpkg, csv or shp)");
        }

        /**
         * The format named "geojson", "gpkg", "csv" or "shp" (any case; "geopackage" and "shapefile" too).
         *
         * @throws IllegalArgumentException for any other name
         */
        public static Format named(String name) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            for (Format format : values()) {
                if (format.name.equals(lower) || format.name().toLowerCase(Locale.ROOT).equals(lower)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown format '" + name + "': use geojson, gpkg, csv or shp");
        }
    }

    /** What happens to the layer's existing features. */
    public enum Mode {
        /** They stay; the file's features are added. */
        APPEND,
        /** They are deleted in the same transaction that adds the file's features. */
        REPLACE;

        /**
         * The mode named "append" or "replace" (any case).
         *
         * @throws IllegalArgumentException for any other name
         */
        public static Mode named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown mode '" + name + "': use append or replace");
            }
        }
    }

    /**
     * Which of a CSV file's two coordinate columns, x first and y second, holds the northing.
     * GIS software puts the easting in x; Japanese public surveying (公共測量) and EPSG's own
     * definition of the plane rectangular zones (平面直角座標系) call the northing X. When a request
     * gives none, the column names decide: X座標/Y座標 (and X(m)/Y(m)) in a plane rectangular zone
     * are survey order, plain x/y are easting first.
     */
    public enum AxisOrder {
        /** x holds the northing, y the easting: survey order (X座標 = 北). */
        NORTH_EAST("north-east"),
        /** x holds the easting, y the northing: GIS order. */
        EAST_NORTH("east-north");

        private final String name;

        AxisOrder(String name) {
            this.name = name;
        }

        /** "north-east" or "east-north", as the command line and the HTTP API spell it. */
        @Override
        public String toString() {
            return name;
        }

        /** The order the other way round. */
        public AxisOrder swapped() {
            return this == NORTH_EAST ? EAST_NORTH : NORTH_EAST;
        }

        /** What a message says to read the file the other way round. */
        public String howToSwap() {
            return "give axis order " + swapped() + " (--axis-order " + swapped() + ")";
        }

        /**
         * The order named "north-east" or "east-north" (any case; "_" for "-" too).
         *
         * @throws IllegalArgumentException for any other name
         */
        public static AxisOrder named(String name) {
            String normalized = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (AxisOrder order : values()) {
                if (order.name.equals(normalized)) {
                    return order;
                }
            }
            throw new IllegalArgumentException("unknown axis order '" + name
                    + "': use north-east (x holds the northing, as X座標 in Japanese surveys) or east-north (x holds the easting)");
        }
    }
}
