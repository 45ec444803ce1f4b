package org.chizu.gis.imports;

import java.util.List;

/**
 * What an import did. It either imported every feature of the file or threw
 * {@link ImportRejectedException}; there is no partial result.
 *
 * @param layerId       the layer the features went into
 * @param imported      how many features were added
 * @param sourceSrid    the EPSG code the file's coordinates were read in
 * @param encoding      the text encoding a CSV file or a Shapefile's .dbf was read in ("UTF-8",
 *                      "Shift_JIS" …); null for GeoJSON and GeoPackage
 * @param ignoredFields the file's columns or properties that match no attribute of the layer, in
 *                      the order first met
 * @param assumedAxisOrder for a CSV file whose x/y order was taken from the column names, which
 *                      order and how to give the other; null otherwise
 */
public record ImportResult(String layerId, int imported, int sourceSrid, String encoding, List<String> ignoredFields,
                           String assumedAxisOrder) {

    public ImportResult {
        ignoredFields = List.copyOf(ignoredFields);
    }
}
