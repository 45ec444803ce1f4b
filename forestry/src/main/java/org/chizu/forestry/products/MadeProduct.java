package org.chizu.forestry.products;

import java.nio.file.Path;

/** A raster made from a survey: a Cloud-Optimized GeoTIFF in the archive. */
public record MadeProduct(ProductKind kind, Path file, int srid, double cellMetres, int width, int height) {
}
