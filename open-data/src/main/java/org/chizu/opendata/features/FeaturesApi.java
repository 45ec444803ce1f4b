package org.chizu.opendata.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.cql2.FilterParameter;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.platform.ogc.OgcApiRoot;
import org.chizu.platform.ogc.OpenApi;

/**
 * OGC API – Features' operations in the OpenAPI definition: per layer its items (with one query
 * parameter per attribute, as OGC API – Features describes queryables), one item and its
 * queryables. GDAL reads them to learn which filters it may send to the server.
 */
final class FeaturesApi {

    private FeaturesApi() {
    }

    static Map<String, Object> paths(List<Layer> layers) {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Layer layer : layers) {
            String collection = "/collections/" + layer.id();
            String title = layer.title().bilingual();
            List<Object> itemParameters = new ArrayList<>(List.of(OpenApi.ref("limit"), OpenApi.ref("offset"), OpenApi.ref("bbox"),
                    OpenApi.ref("bbox-crs"), OpenApi.ref("datetime"), OpenApi.ref("crs"), OpenApi.ref("filter"),
                    OpenApi.ref("filter-lang"), OpenApi.ref("filter-crs"), OpenApi.ref("f")));
            for (Attribute attribute : layer.attributes()) {
                itemParameters.add(OpenApi.query(attribute.name(), "この値の地物 (Features with this " + attribute.label().en() + ")",
                        QueryablesSchema.property(attribute)));
            }
            paths.put(collection + "/items", OpenApi.get("getFeatures_" + layer.id(), title + " 地物 (features)", itemParameters,
                    OpenApi.ok(FeaturesPart.GEOJSON, OgcApiRoot.HTML)));
            paths.put(collection + "/items/{featureId}", OpenApi.get("getFeature_" + layer.id(), title + " 地物 (one feature)",
                    List.of(OpenApi.path("featureId", "地物のID (Feature id)", Map.of("type", "integer")), OpenApi.ref("crs"),
                            OpenApi.ref("f")), OpenApi.ok(FeaturesPart.GEOJSON, OgcApiRoot.HTML)));
            paths.put(collection + "/queryables", OpenApi.get("getQueryables_" + layer.id(), title + " 検索できる属性 (queryables)",
                    List.of(OpenApi.ref("f")), OpenApi.ok(FeaturesPart.SCHEMA, OgcApiRoot.HTML)));
        }
        return paths;
    }

    static Map<String, Object> parameters() {
        List<String> crsUris = FeaturesPart.CRSS.stream().map(OutputCrs::uri).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", OpenApi.query("limit", "1ページの地物数 (Features per page)",
                Map.of("type", "integer", "minimum", 1, "maximum", ItemsRequest.MAX_LIMIT, "default", ItemsRequest.DEFAULT_LIMIT)));
        parameters.put("offset", OpenApi.query("offset", "飛ばす地物数 (Features skipped)", Map.of("type", "integer", "minimum", 0, "default", 0)));
        parameters.put("bbox", OpenApi.query("bbox", "範囲 (Bounding box) minx,miny,maxx,maxy in bbox-crs; "
                        + "a first longitude larger than the second crosses the antimeridian",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        parameters.put("bbox-crs", OpenApi.query("bbox-crs", "bboxの座標参照系 (CRS of bbox)", Map.of("type", "string", "format", "uri", "enum", crsUris)));
        parameters.put("crs", OpenApi.query("crs", "出力の座標参照系 (CRS of the output)", Map.of("type", "string", "format", "uri", "enum", crsUris)));
        parameters.put("datetime", OpenApi.query("datetime", "日付・期間 (Instant or interval)", Map.of("type", "string")));
        parameters.put("filter", OpenApi.query("filter", "CQL2 フィルタ (CQL2 filter)", Map.of("type", "string")));
        parameters.put("filter-lang", OpenApi.query("filter-lang", "フィルタの言語 (Filter language)",
                Map.of("type", "string", "enum", List.of(FilterParameter.TEXT, FilterParameter.JSON), "default", FilterParameter.TEXT)));
        parameters.put("filter-crs", OpenApi.query("filter-crs", "フィルタの座標参照系 (CRS of filter geometries)",
                Map.of("type", "string", "format", "uri", "enum", crsUris)));
        return parameters;
    }
}
