package org.chizu.gis.imports;

import java.util.List;
import java.util.Map;

import org.chizu.platform.Label;

/**
 * What an import did, or for a dry run would do. It either imported every feature of the file or
 * threw {@link ImportRejectedException}; there is no partial result.
 *
 * @param layerId       the layer the features went into
 * @param imported      how many features were added; 0 for a dry run
 * @param sourceSrid    the EPSG code the file's coordinates were read in
 * @param encoding      the text encoding a CSV file or a Shapefile's .dbf was read in ("UTF-8",
 *                      "Shift_JIS" …); null for GeoJSON and GeoPackage
 * @param ignoredFields the file's columns or properties that were not imported, in the order first
 *                      met: those that match no attribute and those the layout leaves out
 * @param assumedAxisOrder for a CSV file whose x/y order was taken from the column names, which
 *                      order and how to give the other; null otherwise
 * @param layout        the file layout the file was read with, or null
 * @param columns       what became of each column: the attribute it fills or why it was left out,
 *                      then the attributes the layout sets on every feature
 * @param warnings      one sentence for each column dropped that an attribute could hold or that
 *                      the layout does not account for
 * @param dryRun        whether this was a dry run, which wrote nothing
 * @param features      how many features were read and checked
 * @param preview       for a dry run, the first rows as they would be stored (attribute → value,
 *                      and the geometry as WKT in the layer's coordinate system); else empty
 */
public record ImportResult(String layerId, int imported, int sourceSrid, String encoding, List<String> ignoredFields,
                           String assumedAxisOrder, LayoutUsed layout, List<ColumnUse> columns, List<String> warnings,
                           boolean dryRun, int features, List<Map<String, Object>> preview) {

    public ImportResult {
        ignoredFields = List.copyOf(ignoredFields);
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        preview = List.copyOf(preview);
    }

    /**
     * A file layout an import used.
     *
     * @param detected whether it was recognised from the columns rather than asked for
     */
    public record LayoutUsed(String id, Label title, String spec, boolean detected) {
    }

    /**
     * What became of one column.
     *
     * @param column    the source column, or null for an attribute the layout sets on every feature
     * @param attribute the attribute it fills, or null when it was left out
     * @param note      why it was left out, or how the attribute was set; null for a plain mapping
     */
    public record ColumnUse(String column, String attribute, String note) {
    }
}
