package org.chizu.tiles.ogc;

import java.util.List;
import java.util.stream.IntStream;

import org.chizu.gis.layer.TileSettings;
import org.chizu.platform.ogc.OgcLink;

/**
 * The WebMercatorQuad tile matrix set of OGC 2D TMS 2.0 (the XYZ grid of web maps), as a JSON
 * document. Tile matrix {@code z} has 2^z × 2^z tiles of 256 pixels; its row is XYZ's y.
 *
 * <p>The document also carries the TMS 1.0 members ({@code type}, {@code identifier},
 * {@code supportedCRS}, the bounding box's {@code lowerCorner}/{@code upperCorner},
 * {@code tileMatrix}) that readers of the first edition need: GDAL before 3.8 parses only those
 * (TMS 2.0 support came with GDAL pull request 8130). TMS 2.0 readers ignore them, as both
 * editions' readers ignore the {@code links} to the document itself and its HTML page.
 */
final class WebMercatorQuad {

    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final String TITLE = "Google Maps Compatible for the World";

    /** Half the width of the Web Mercator square, in metres: half the equator of the WGS 84 sphere. */
    private static final double HALF_WORLD = Math.PI * 6378137;
    /** OGC's standardized rendering pixel: 0.28 mm. */
    private static final double PIXEL_SIZE_METRES = 0.00028;
    private static final int TILE_SIZE = 256;

    private WebMercatorQuad() {
    }

    record TileMatrix(String id, double scaleDenominator, double cellSize, String cornerOfOrigin,
                      double[] pointOfOrigin, int tileWidth, int tileHeight, long matrixWidth, long matrixHeight) {
    }

    record Definition(String id, String title, String uri, String crs, List<String> orderedAxes,
                      String wellKnownScaleSet, List<TileMatrix> tileMatrices,
                      String type, String identifier, String supportedCRS, BoundingBox boundingBox,
                      List<FirstEditionTileMatrix> tileMatrix, List<OgcLink> links) {
    }

    /** The grid's extent, with TMS 2.0's corner names and TMS 1.0's ({@code lowerCorner}, {@code upperCorner}). */
    record BoundingBox(String type, String crs, double[] lowerLeft, double[] upperRight, double[] lowerCorner,
                       double[] upperCorner) {
    }

    /** A tile matrix as TMS 1.0 writes it. */
    record FirstEditionTileMatrix(String type, String identifier, double scaleDenominator, double[] topLeftCorner,
                                  int tileWidth, int tileHeight, long matrixWidth, long matrixHeight) {
    }

    static Definition definition(List<OgcLink> links) {
        List<TileMatrix> matrices = IntStream.rangeClosed(0, TileSettings.MAX_ZOOM).mapToObj(z -> {
            double cellSize = 2 * HALF_WORLD / TILE_SIZE / (1L << z);
            return new TileMatrix(Integer.toString(z), cellSize / PIXEL_SIZE_METRES, cellSize, "topLeft",
                    new double[] {-HALF_WORLD, HALF_WORLD}, TILE_SIZE, TILE_SIZE, 1L << z, 1L << z);
        }).toList();
        List<FirstEditionTileMatrix> firstEdition = matrices.stream().map(m -> new FirstEditionTileMatrix(
                "TileMatrixType", m.id(), m.scaleDenominator(), m.pointOfOrigin(), m.tileWidth(), m.tileHeight(),
                m.matrixWidth(), m.matrixHeight())).toList();
        double[] lowerLeft = {-HALF_WORLD, -HALF_WORLD};
        double[] upperRight = {HALF_WORLD, HALF_WORLD};
        return new Definition(ID, TITLE, URI, CRS, List.of("X", "Y"),
                "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible", matrices,
                "TileMatrixSetType", ID, CRS,
                new BoundingBox("BoundingBoxType", CRS, lowerLeft, upperRight, lowerLeft, upperRight),
                firstEdition, links);
    }
}
