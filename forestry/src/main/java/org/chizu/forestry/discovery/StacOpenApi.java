package org.chizu.forestry.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.platform.ogc.OpenApi;

/**
 * The STAC API's OpenAPI 3.0 definition, which its landing page links as {@code service-desc}: every
 * operation under {@code /stac} with the parameters Chizu reads, and item search's POST body.
 */
final class StacOpenApi {

    static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";
    private static final String JSON = "application/json";
    private static final String GEOJSON = "application/geo+json";
    private static final Map<String, Object> STRINGS = Map.of("type", "array", "items", Map.of("type", "string"));

    private StacOpenApi() {
    }

    /** @param root the API's address, {@code …/stac} */
    static Map<String, Object> document(String root) {
        List<Object> itemParameters = refs("bbox", "datetime", "ids", "sortby", "fields", "limit", "offset");
        List<Object> searchParameters = new ArrayList<>(itemParameters);
        searchParameters.add(OpenApi.ref("collections"));
        Map<String, Object> collection = OpenApi.path("collectionId", "コレクション (Collection), laser-survey-<id>", Map.of("type", "string"));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", OpenApi.get("getLandingPage", "ランディングページ (Landing page)", List.of(), OpenApi.ok(JSON)));
        paths.put("/conformance", OpenApi.get("getConformanceDeclaration", "適合クラス (Conformance classes)", List.of(), OpenApi.ok(JSON)));
        paths.put("/api", OpenApi.get("getApi", "API定義 (This API definition)", List.of(), OpenApi.ok(MEDIA_TYPE)));
        paths.put("/collections", OpenApi.get("getCollections", "計測ごとのコレクション (A collection per survey)", List.of(), OpenApi.ok(JSON)));
        paths.put("/collections/{collectionId}", OpenApi.get("describeCollection", "コレクション (Collection)", List.of(collection),
                OpenApi.ok(JSON)));
        List<Object> items = new ArrayList<>(List.of(collection));
        items.addAll(itemParameters);
        paths.put("/collections/{collectionId}/items", OpenApi.get("getFeatures", "タイルと成果品 (Tiles and products)", items,
                OpenApi.ok(GEOJSON)));
        paths.put("/collections/{collectionId}/items/{featureId}", OpenApi.get("getFeature", "アイテム (Item)", List.of(collection,
                OpenApi.path("featureId", "アイテム (Item): tile-<id> or a product (dem, dsm, chm, slope, hillshade, cs-relief)",
                        Map.of("type", "string"))), OpenApi.ok(GEOJSON)));
        Map<String, Object> search = new LinkedHashMap<>(OpenApi.get("getItemSearch", "アイテム検索 (Item search)", searchParameters,
                OpenApi.ok(GEOJSON)));
        search.put("post", post());
        paths.put("/search", search);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Chizu 航空レーザ計測 STAC API (Laser survey archive)", "version", StacCatalog.VERSION,
                "description", "STAC API 1.0: core, collections, features and item search (GET and POST) with sort and fields. "
                        + "Listing is open; the assets need an approved application."));
        document.put("servers", List.of(Map.of("url", root)));
        document.put("paths", paths);
        document.put("components", Map.of("parameters", parameters(), "schemas", Map.of("SearchBody", searchBody())));
        return document;
    }

    private static Map<String, Object> post() {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("operationId", "postItemSearch");
        post.put("summary", "アイテム検索 (Item search), as JSON");
        post.put("requestBody", Map.of("required", false, "content", Map.of(JSON, Map.of("schema", Map.of("$ref", "#/components/schemas/SearchBody")))));
        post.put("responses", OpenApi.ok(GEOJSON));
        return post;
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("bbox", OpenApi.query("bbox", "範囲 (Box): west,south,east,north in longitude/latitude",
                Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number"))));
        parameters.put("datetime", OpenApi.query("datetime", "日時 (Instant or interval start/end, RFC 3339; '..' leaves an end open)",
                Map.of("type", "string")));
        parameters.put("ids", OpenApi.query("ids", "アイテムID (Item ids)", STRINGS));
        parameters.put("collections", OpenApi.query("collections", "コレクションID (Collection ids)", STRINGS));
        parameters.put("sortby", OpenApi.query("sortby", "並べ替え (Sort): id, collection or datetime, '-' for descending", STRINGS));
        parameters.put("fields", OpenApi.query("fields", "項目 (Fields): paths to include, and with '-' to exclude", STRINGS));
        parameters.put("limit", OpenApi.query("limit", "件数 (Items per page)",
                Map.of("type", "integer", "minimum", 1, "maximum", StacQuery.MAX_LIMIT, "default", StacQuery.DEFAULT_LIMIT)));
        parameters.put("offset", OpenApi.query("offset", "開始位置 (Where the page starts, as the next link gives it)",
                Map.of("type", "integer", "minimum", 0, "default", 0)));
        return parameters;
    }

    private static Map<String, Object> searchBody() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bbox", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
        properties.put("intersects", Map.of("type", "object", "description", "A GeoJSON geometry in longitude/latitude; not with bbox"));
        properties.put("datetime", Map.of("type", "string"));
        properties.put("ids", STRINGS);
        properties.put("collections", STRINGS);
        properties.put("sortby", Map.of("type", "array", "items", Map.of("type", "object", "required", List.of("field"), "properties",
                Map.of("field", Map.of("type", "string", "description", "id, collection or datetime (also properties.datetime)"),
                        "direction", Map.of("type", "string", "enum", List.of("asc", "desc"))))));
        properties.put("fields", Map.of("type", "object", "properties", Map.of("include", STRINGS, "exclude", STRINGS)));
        properties.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", StacQuery.MAX_LIMIT));
        properties.put("offset", Map.of("type", "integer", "minimum", 0));
        return Map.of("type", "object", "additionalProperties", false, "properties", properties);
    }

    private static List<Object> refs(String... names) {
        return java.util.Arrays.stream(names).map(name -> (Object) OpenApi.ref(name)).toList();
    }
}
