package org.chizu.tiles.ogc;

import java.util.List;

import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcApiRoot;
import org.chizu.platform.ogc.OgcLink;
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
}
