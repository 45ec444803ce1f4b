package org.chizu.tiles.ogc;

import java.util.List;
import java.util.stream.IntStream;

import org.chizu.gis.layer.TileSettings;

/**
 * The WebMercatorQuad tile matrix set of OGC 2D TMS 2.0 (the XYZ grid of web maps), as a JSON
 * document. Tile matrix {@code z} has 2^z × 2^z tiles of 256 pixels; its row is XYZ's y.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String TITLE = "Google Maps Compatible for the World";

    /** Half the width of the Web Mercator square, in metres. */
    private static final double HALF_WORLD = 20037508.3427892;
    /** OGC's standardized rendering pixel: 0.28 mm. */
    private static final double PIXEL_SIZE_METRES = 0.00028;
    private static final int TILE_SIZE = 256;

    private WebMercatorQuad() {
    }

    record TileMatrix(String id, double scaleDenominator, double cellSize, String cornerOfOrigin,
                      double[] pointOfOrigin, int tileWidth, int tileHeight, long matrixWidth, long matrixHeight) {
    }

    record Definition(String id, String title, String uri, String crs, List<String> orderedAxes,
                      String wellKnownScaleSet, List<TileMatrix> tileMatrices) {
    }

    static Definition definition() {
        List<TileMatrix> matrices = IntStream.rangeClosed(0, TileSettings.MAX_ZOOM).mapToObj(z -> {
            double cellSize = 2 * HALF_WORLD / TILE_SIZE / (1L << z);
            return new TileMatrix(Integer.toString(z), cellSize / PIXEL_SIZE_METRES, cellSize, "topLeft",
                    new double[] {-HALF_WORLD, HALF_WORLD}, TILE_SIZE, TILE_SIZE, 1L << z, 1L << z);
        }).toList();
        return new Definition(ID, TITLE, URI, CRS, List.of("X", "Y"),
                "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible", matrices);
    }
}
