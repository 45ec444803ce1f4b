package org.chizu.opendata.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.opendata.cql2.FilterParameter;
import org.chizu.opendata.query.OutputCrs;

/**
 * The OpenAPI 3.0 definition of the OGC API, generated from the layers the caller may see: the
 * shared resources, and per collection its items (with one query parameter per attribute, as
 * OGC API – Features describes queryables), one item, and its queryables. GDAL reads it to learn
 * which filters it may send to the server.
 */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static Map<String, Object> of(List<Layer> layers, String apiRoot) {
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", operation("getLandingPage", "ランディングページ (Landing page)", List.of(ref("f")), "application/json"));
        paths.put("/conformance", operation("getConformance", "適合クラス (Conformance classes)", List.of(ref("f")), "application/json"));
        paths.put("/collections", operation("getCollections", "コレクション (Collections)", List.of(ref("f")), "application/json"));
        paths.put("/api", operation("getApi", "API定義 (This API definition)", List.of(), FeaturesPart.OPENAPI));
        for (Layer layer : layers) {
            String collection = "/collections/" + layer.id();
            String title = layer.title().ja() + " (" + layer.title().en() + ")";
            paths.put(collection, operation("describe_" + layer.id(), title, List.of(ref("f")), "application/json"));
            List<Object> itemParameters = new ArrayList<>(List.of(ref("limit"), ref("offset"), ref("bbox"), ref("bbox-crs"),
                    ref("datetime"), ref("crs"), ref("filter"), ref("filter-lang"), ref("filter-crs"), ref("f")));
            for (Attribute attribute : layer.attributes()) {
                itemParameters.add(Map.of("name", attribute.name(), "in", "query", "required", false, "style", "form", "explode", false,
                        "description", "この値の地物 (Features with this " + attribute.label().en() + ")",
                        "schema", QueryablesSchema.property(attribute)));
            }
            paths.put(collection + "/items", operation("getFeatures_" + layer.id(), title + " 地物 (features)", itemParameters,
                    FeaturesPart.GEOJSON));
            paths.put(collection + "/items/{featureId}", operation("getFeature_" + layer.id(), title + " 地物 (one feature)",
                    List.of(Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "integer")),
                            ref("crs"), ref("f")), FeaturesPart.GEOJSON));
            paths.put(collection + "/queryables", operation("getQueryables_" + layer.id(), title + " 検索できる属性 (queryables)",
                    List.of(), FeaturesPart.SCHEMA));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Chizu 地図 OGC API", "version", "1.0.0",
                "description", "自治体の空間データ: OGC API – Features (Part 1, 2, 3) and Tiles"));
        document.put("servers", List.of(Map.of("url", apiRoot)));
        document.put("paths", paths);
        document.put("components", Map.of("parameters", parameters()));
        return document;
    }

    private static Map<String, Object> operation(String id, String summary, List<Object> parameters, String mediaType) {
        Map<String, Object> get = new LinkedHashMap<>();
        get.put("operationId", id);
        get.put("summary", summary);
        get.put("parameters", parameters);
        get.put("responses", Map.of(
                "200", Map.of("description", "OK", "content", Map.of(mediaType, Map.of("schema", Map.of("type", "object")))),
                "400", Map.of("description", "不正な要求 (Bad request), application/problem+json"),
                "404", Map.of("description", "見つかりません (Not found)")));
        return Map.of("get", get);
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/parameters/" + name);
    }

    private static Map<String, Object> parameters() {
        List<String> crsUris = FeaturesPart.CRSS.stream().map(OutputCrs::uri).toList();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("limit", query("limit", "1ページの地物数 (Features per page)",
                Map.of("type", "integer", "minimum", 1, "maximum", ItemsRequest.MAX_LIMIT, "default", ItemsRequest.DEFAULT_LIMIT)));
        parameters.put("offset", query("offset", "飛ばす地物数 (Features skipped)", Map.of("type", "integer", "minimum", 0, "default", 0)));
        parameters.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form", "explode", false,
                "description", "範囲 (Bounding box) minx,miny,maxx,maxy in bbox-crs",
                "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        parameters.put("bbox-crs", query("bbox-crs", "bboxの座標参照系 (CRS of bbox)", Map.of("type", "string", "format", "uri", "enum", crsUris)));
        parameters.put("crs", query("crs", "出力の座標参照系 (CRS of the output)", Map.of("type", "string", "format", "uri", "enum", crsUris)));
        parameters.put("datetime", query("datetime", "日付・期間 (Instant or interval)", Map.of("type", "string")));
        parameters.put("filter", query("filter", "CQL2 フィルタ (CQL2 filter)", Map.of("type", "string")));
        parameters.put("filter-lang", query("filter-lang", "フィルタの言語 (Filter language)",
                Map.of("type", "string", "enum", List.of(FilterParameter.TEXT, FilterParameter.JSON), "default", FilterParameter.TEXT)));
        parameters.put("filter-crs", query("filter-crs", "フィルタの座標参照系 (CRS of filter geometries)",
                Map.of("type", "string", "format", "uri", "enum", crsUris)));
        parameters.put("f", query("f", "形式 (Format)", Map.of("type", "string", "enum", List.of("json", "html"))));
        return parameters;
    }

    private static Map<String, Object> query(String name, String description, Map<String, Object> schema) {
        return Map.of("name", name, "in", "query", "required", false, "style", "form", "explode", false,
                "description", description, "schema", schema);
    }
}
