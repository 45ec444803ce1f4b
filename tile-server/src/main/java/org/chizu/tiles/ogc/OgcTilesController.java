package org.chizu.tiles.ogc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.ogc.OgcApiRoot;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.gis.layer.LayerExtents;
import org.chizu.tiles.TileCoordinate;
import org.chizu.tiles.TileRange;
import org.chizu.tiles.TileService;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.VectorLayer;
import org.chizu.tiles.web.TileResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * OGC API – Tiles under {@code /ogc}: the WebMercatorQuad tile matrix set and, per collection, its
 * vector tileset with the same tiles as {@code /tiles/{layer}/{z}/{x}/{y}.mvt} (row = y, col = x).
 *
 * <p>GDAL 3.6 (Debian 12) cannot read a collection's vector tiles here, nor from any server:
 * {@code ogrinfo OGCAPI:…/ogc/collections/roads} fetches the collection, tilesets, tileset and tile
 * matrix set, parses the latter (25 matrices, EPSG:3857) and returns no dataset without an error,
 * because its OGCAPI driver never creates a vector layer: in Debian's libgdal.so.32 (3.6.2) the
 * constructor of {@code OGCAPITiledLayer} has no caller, and the driver's tiles code tests only
 * {@code GDAL_OF_RASTER} after parsing the matrix set (GDAL pull request 6894, the 3.6 backport of
 * 6881, "also for tiles but not working properly"; fixed in 7656 and 8130). GDAL 3.6 reads the
 * tiles through TileJSON and {@code MVT:} instead. Later GDALs take the collection's CRS84 extent as
 * if it were in the matrix set's CRS when they clip vector tile layers, so they need the extent in
 * EPSG:3857 metres as {@code -oo MINX= -oo MINY= -oo MAXX= -oo MAXY=}.
 */
@RestController
@RequestMapping("/ogc")
class OgcTilesController {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final LayerRegistry registry;
    private final LayerExtents extents;
    private final TileService tiles;
    private final TileResponses responses;
    private final CurrentAudience audience;

    OgcTilesController(LayerRegistry registry, LayerExtents extents, TileService tiles, TileResponses responses,
                       CurrentAudience audience) {
        this.registry = registry;
        this.extents = extents;
        this.tiles = tiles;
        this.responses = responses;
        this.audience = audience;
    }

    record TileMatrixSetRef(String id, String title, String uri, List<OgcLink> links) {
    }

    record TileMatrixSets(List<TileMatrixSetRef> tileMatrixSets, List<OgcLink> links) {
    }

    record Tilesets(List<OgcLink> links, List<TilesetRef> tilesets) {
    }

    record TilesetRef(String title, String dataType, String crs, String tileMatrixSetURI, List<OgcLink> links) {
    }

    record TileMatrixLimits(String tileMatrix, int minTileRow, int maxTileRow, int minTileCol, int maxTileCol) {
    }

    record BoundingBox(double[] lowerLeft, double[] upperRight, String crs) {
    }

    record GeoDataLayer(String id, String title, String dataType, int geometryDimension, String minTileMatrix,
                        String maxTileMatrix, Map<String, Object> propertiesSchema) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TilesetMetadata(String title, String dataType, String crs, String tileMatrixSetURI,
                           List<TileMatrixLimits> tileMatrixSetLimits, BoundingBox boundingBox,
                           List<GeoDataLayer> layers, List<OgcLink> links) {
    }

    @GetMapping("/tileMatrixSets")
    ResponseEntity<?> tileMatrixSets(@RequestParam(required = false) String f,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String url = OgcApiRoot.apiRoot() + "/tileMatrixSets";
        String href = url + "/" + WebMercatorQuad.ID;
        TileMatrixSets sets = new TileMatrixSets(List.of(new TileMatrixSetRef(WebMercatorQuad.ID, WebMercatorQuad.TITLE, WebMercatorQuad.URI,
                List.of(OgcLink.of(href, TilesPart.REL_TILING_SCHEME, OgcApiRoot.JSON, WebMercatorQuad.TITLE)))),
                OgcApiRoot.withHtml(url, List.of(OgcLink.of(url, "self", OgcApiRoot.JSON, "タイル行列セット (Tile matrix sets)"))));
        return OgcApiRoot.respond(f, accept, sets, () -> TilesHtml.tileMatrixSets(sets));
    }

    @GetMapping("/tileMatrixSets/{tileMatrixSetId}")
    ResponseEntity<?> tileMatrixSet(@PathVariable String tileMatrixSetId, @RequestParam(required = false) String f,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        requireWebMercatorQuad(tileMatrixSetId);
        String url = OgcApiRoot.apiRoot() + "/tileMatrixSets/" + WebMercatorQuad.ID;
        WebMercatorQuad.Definition definition = WebMercatorQuad.definition(
                OgcApiRoot.withHtml(url, List.of(OgcLink.of(url, "self", OgcApiRoot.JSON, WebMercatorQuad.TITLE))));
        return OgcApiRoot.respond(f, accept, definition, () -> TilesHtml.tileMatrixSet(definition));
    }

    @GetMapping("/collections/{collectionId}/tiles")
    ResponseEntity<?> tilesets(@PathVariable String collectionId, @RequestParam(required = false) String f,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Layer layer = registry.require(collectionId, audience.get());
        String tilesUrl = OgcApiRoot.apiRoot() + "/collections/" + layer.id() + "/tiles";
        Tilesets tilesets = new Tilesets(
                OgcApiRoot.withHtml(tilesUrl, List.of(OgcLink.of(tilesUrl, "self", OgcApiRoot.JSON, null))),
                List.of(new TilesetRef(layer.title().bilingual(), "vector", WebMercatorQuad.CRS, WebMercatorQuad.URI,
                        tilesetLinks(tilesUrl + "/" + WebMercatorQuad.ID))));
        return OgcApiRoot.respond(f, accept, tilesets, () -> TilesHtml.tilesets(layer, tilesets));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}")
    ResponseEntity<?> tileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
                              @RequestParam(required = false) String f,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Layer layer = registry.require(collectionId, audience.get());
        requireWebMercatorQuad(tileMatrixSetId);
        String tilesetUrl = OgcApiRoot.apiRoot() + "/collections/" + layer.id() + "/tiles/" + WebMercatorQuad.ID;
        List<OgcLink> links = new ArrayList<>(tilesetLinks(tilesetUrl));
        links.add(OgcLink.template(tilesetUrl + "/{tileMatrix}/{tileRow}/{tileCol}", "item",
                TileResponses.MVT.toString(), "ベクトルタイル (Mapbox Vector Tile)"));
        links.add(OgcLink.of(ServletUriComponentsBuilder.fromCurrentContextPath().path("/tiles/" + layer.id() + ".json").toUriString(),
                "describedby", OgcApiRoot.JSON, "TileJSON"));
        Bounds bounds = extents.of(layer).orElse(null);
        TilesetMetadata tileset = new TilesetMetadata(layer.title().bilingual(), "vector", WebMercatorQuad.CRS,
                WebMercatorQuad.URI, limits(layer, bounds),
                bounds == null ? null : new BoundingBox(new double[] {bounds.minLon(), bounds.minLat()},
                        new double[] {bounds.maxLon(), bounds.maxLat()}, CRS84),
                List.of(geoDataLayer(layer)), links);
        return OgcApiRoot.respond(f, accept, tileset, () -> TilesHtml.tileset(layer, tileset));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    void tile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId,
              @PathVariable String tileMatrix, @PathVariable String tileRow, @PathVariable String tileCol,
              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
              @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
              HttpServletResponse response) throws IOException {
        Tileset tileset = Tileset.of(List.of(registry.require(collectionId, audience.get())));
        requireWebMercatorQuad(tileMatrixSetId);
        TileCoordinate coordinate = TileCoordinate.parse(tileMatrix, tileCol, tileRow);
        responses.write(response, tileset, tiles.tile(tileset, coordinate), ifNoneMatch, acceptEncoding);
    }

    private static List<OgcLink> tilesetLinks(String tilesetUrl) {
        return OgcApiRoot.withHtml(tilesetUrl, List.of(
                OgcLink.of(tilesetUrl, "self", OgcApiRoot.JSON, null),
                OgcLink.of(OgcApiRoot.apiRoot() + "/tileMatrixSets/" + WebMercatorQuad.ID, TilesPart.REL_TILING_SCHEME,
                        OgcApiRoot.JSON, WebMercatorQuad.TITLE)));
    }

    /** At each zoom of the layer, the tiles its data touches (the whole grid while it has none). */
    private static List<TileMatrixLimits> limits(Layer layer, Bounds bounds) {
        return IntStream.rangeClosed(layer.tiles().minzoom(), layer.tiles().maxzoom()).mapToObj(z -> {
            TileRange range = bounds == null ? new TileRange(z, 0, 0, (int) ((1L << z) - 1), (int) ((1L << z) - 1))
                    : TileRange.covering(bounds, z, 0);
            return new TileMatrixLimits(Integer.toString(z), range.minY(), range.maxY(), range.minX(), range.maxX());
        }).toList();
    }

    private static GeoDataLayer geoDataLayer(Layer layer) {
        VectorLayer vectorLayer = VectorLayer.of(Tileset.of(List.of(layer))).get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        vectorLayer.fields().forEach((name, type) -> properties.put(name, Map.of("type", type.toLowerCase())));
        int dimension = switch (layer.geometry().kind()) {
            case POINT -> 0;
            case MULTI_LINE_STRING -> 1;
            case MULTI_POLYGON -> 2;
        };
        return new GeoDataLayer(layer.id(), vectorLayer.description(), "vector", dimension,
                Integer.toString(vectorLayer.minzoom()), Integer.toString(vectorLayer.maxzoom()),
                Map.of("type", "object", "properties", properties));
    }

    private static void requireWebMercatorQuad(String tileMatrixSetId) {
        if (!WebMercatorQuad.ID.equals(tileMatrixSetId)) {
            throw new UnknownTileMatrixSetException(tileMatrixSetId);
        }
    }
}
