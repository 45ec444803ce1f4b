package org.chizu.tiles.ogc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcApiRoot;
import org.chizu.platform.ogc.OgcCollection;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.platform.ogc.OpenApi;
import org.chizu.tiles.web.TileResponses;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** OGC API – Tiles' contribution to the root: vector tilesets for every collection. */
@Component
class TilesPart implements OgcApiPart {

    static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_VECTOR_TILESETS = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    @Override
    public List<String> conformsTo() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
    }

    @Override
    public List<OgcLink> landingLinks(String apiRoot) {
        return List.of(
                OgcLink.of(apiRoot + "/tileMatrixSets", REL_TILING_SCHEMES, OgcApiRoot.JSON, "タイル行列セット (Tile matrix sets)"),
                OgcLink.of(apiRoot + "/tileMatrixSets?f=html", REL_TILING_SCHEMES, MediaType.TEXT_HTML_VALUE,
                        "タイル行列セット一覧 (Tile matrix sets as HTML)"));
    }

    @Override
    public List<OgcLink> collectionLinks(String collectionId, String apiRoot) {
        String tiles = apiRoot + "/collections/" + collectionId + "/tiles";
        return List.of(
                OgcLink.of(tiles, REL_VECTOR_TILESETS, OgcApiRoot.JSON, "ベクトルタイル (Vector tilesets)"),
                OgcLink.of(tiles + "?f=html", REL_VECTOR_TILESETS, MediaType.TEXT_HTML_VALUE, "ベクトルタイル一覧 (Vector tilesets as HTML)"));
    }

    @Override
    public Map<String, Object> apiPaths(List<OgcCollection> collections) {
        List<Object> format = List.of(OpenApi.ref("f"));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/tileMatrixSets", OpenApi.get("getTileMatrixSetsList", "タイル行列セット (Tile matrix sets)", format,
                OpenApi.ok(OgcApiRoot.JSON, OgcApiRoot.HTML)));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", OpenApi.get("getTileMatrixSet", "タイル行列セット (Tile matrix set)",
                List.of(OpenApi.ref("tileMatrixSetId"), OpenApi.ref("f")), OpenApi.ok(OgcApiRoot.JSON, OgcApiRoot.HTML)));
        for (OgcCollection collection : collections) {
            String tiles = "/collections/" + collection.id() + "/tiles";
            String title = collection.title().bilingual();
            paths.put(tiles, OpenApi.get("getTileSetsList_" + collection.id(), title + " ベクトルタイル (vector tilesets)",
                    format, OpenApi.ok(OgcApiRoot.JSON, OgcApiRoot.HTML)));
            paths.put(tiles + "/{tileMatrixSetId}", OpenApi.get("getTileSet_" + collection.id(), title + " タイルセット (tileset)",
                    List.of(OpenApi.ref("tileMatrixSetId"), OpenApi.ref("f")), OpenApi.ok(OgcApiRoot.JSON, OgcApiRoot.HTML)));
            Map<String, Object> tileResponses = new LinkedHashMap<>(OpenApi.ok(TileResponses.MVT.toString()));
            tileResponses.put("204", OpenApi.response("空のタイル (Empty tile)"));
            tileResponses.put("304", OpenApi.response("変更なし (Not modified; If-None-Match)"));
            paths.put(tiles + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", OpenApi.get("getTile_" + collection.id(),
                    title + " ベクトルタイル (vector tile)", List.of(OpenApi.ref("tileMatrixSetId"), OpenApi.ref("tileMatrix"),
                            OpenApi.ref("tileRow"), OpenApi.ref("tileCol")), tileResponses));
        }
        return paths;
    }

    @Override
    public Map<String, Object> apiParameters() {
        Map<String, Object> integer = Map.of("type", "integer", "minimum", 0);
        return Map.of(
                "tileMatrixSetId", OpenApi.path("tileMatrixSetId", "タイル行列セット (Tile matrix set)",
                        Map.of("type", "string", "enum", List.of(WebMercatorQuad.ID))),
                "tileMatrix", OpenApi.path("tileMatrix", "ズーム (Zoom level)", Map.of("type", "string")),
                "tileRow", OpenApi.path("tileRow", "行 (Row, y)", integer),
                "tileCol", OpenApi.path("tileCol", "列 (Column, x)", integer));
    }
}
