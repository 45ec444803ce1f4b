package org.chizu.platform.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.chizu.platform.RequestAudience;
import org.chizu.platform.web.Negotiation;
import org.chizu.platform.web.OgcHtml;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one root of Chizu's OGC API, {@code /ogc}: landing page, conformance and collections
 * (OGC API – Common), each as JSON or as a page for people ({@code f=json|html} or the Accept
 * header), and the OpenAPI definition of every part's operations. It knows no building block:
 * Tiles, Features and any later part contribute their links, conformance classes and operations as
 * {@link OgcApiPart} beans, and the collections come from the one {@link OgcCollections} bean.
 */
@RestController
@RequestMapping("/ogc")
public class OgcApiRoot {

    public static final String JSON = "application/json";
    public static final String HTML = MediaType.TEXT_HTML_VALUE;
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    private static final List<String> COMMON_CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections");

    private final List<OgcApiPart> parts;
    private final OgcCollections collections;
    private final RequestAudience audience;

    OgcApiRoot(List<OgcApiPart> parts, OgcCollections collections, RequestAudience audience) {
        this.parts = parts;
        this.collections = collections;
        this.audience = audience;
    }

    /** The absolute URL of {@code /ogc} for the current request. */
    public static String apiRoot() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").toUriString();
    }

    /** The links, then the page for people of the same resource as {@code alternate}. */
    public static List<OgcLink> withHtml(String url, List<OgcLink> links) {
        List<OgcLink> all = new ArrayList<>(links);
        all.add(OgcLink.of(url + "?f=html", "alternate", HTML, "HTML"));
        return List.copyOf(all);
    }

    /** The JSON document, or the page for people when {@code f=html} or the Accept header asks for it. */
    public static ResponseEntity<?> respond(String format, String accept, Object document, Supplier<String> page) {
        return Negotiation.wantsHtml(format, accept)
                ? ResponseEntity.ok().contentType(OgcHtml.MEDIA_TYPE).body(page.get())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

    record LandingPage(String title, String description, List<OgcLink> links) {
    }

    record Conformance(List<String> conformsTo, List<OgcLink> links) {
    }

    record Collections(List<OgcLink> links, List<Collection> collections) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Collection(String id, String title, String description, Extent extent, List<OgcLink> links,
                      @JsonAnyGetter Map<String, Object> members) {
    }

    record Extent(Spatial spatial) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    @GetMapping({"", "/"})
    ResponseEntity<?> landingPage(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String root = apiRoot();
        List<OgcLink> links = new ArrayList<>(withHtml(root, List.of(
                OgcLink.of(root, "self", JSON, "このページ (This document)"))));
        links.addAll(List.of(
                OgcLink.of(root + "/conformance", "conformance", JSON, "適合クラス (Conformance classes)"),
                OgcLink.of(root + "/collections", "data", JSON, "コレクション (Collections)"),
                OgcLink.of(root + "/api", "service-desc", OPENAPI, "API定義 OpenAPI 3.0 (API definition)"),
                OgcLink.of(root + "/api.html", "service-doc", HTML, "API説明 (API documentation)")));
        parts.forEach(part -> links.addAll(part.landingLinks(root)));
        LandingPage page = new LandingPage("Chizu 地図", "自治体の空間データ (Spatial data of the municipality)", links);
        return respond(f, accept, page, () -> OgcRootHtml.landingPage(page));
    }

    @GetMapping("/conformance")
    ResponseEntity<?> conformance(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String url = apiRoot() + "/conformance";
        Conformance conformance = new Conformance(Stream.concat(COMMON_CONFORMANCE.stream(),
                parts.stream().flatMap(part -> part.conformsTo().stream())).distinct().toList(),
                withHtml(url, List.of(OgcLink.of(url, "self", JSON, "適合クラス (Conformance classes)"))));
        return respond(f, accept, conformance, () -> OgcRootHtml.conformance(conformance));
    }

    @GetMapping("/collections")
    ResponseEntity<?> collections(@RequestParam(required = false) String f,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String root = apiRoot();
        String url = root + "/collections";
        Collections all = new Collections(withHtml(url, List.of(OgcLink.of(url, "self", JSON, "コレクション (Collections)"))),
                collections.visibleTo(audience.get()).stream().map(c -> describe(c, root)).toList());
        return respond(f, accept, all, () -> OgcRootHtml.collections(all));
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<?> collection(@PathVariable String collectionId, @RequestParam(required = false) String f,
                                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OgcCollection found = collections.find(collectionId, audience.get())
                .orElseThrow(() -> new UnknownCollectionException(collectionId));
        Collection collection = describe(found, apiRoot());
        return respond(f, accept, collection, () -> OgcRootHtml.collection(found, collection));
    }

    /** The OpenAPI 3.0 definition of every operation under {@code /ogc}, for the collections the caller may see. */
    @GetMapping("/api")
    ResponseEntity<Map<String, Object>> api() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OPENAPI)).body(openApi());
    }

    @GetMapping(path = "/api.html", produces = OgcHtml.MEDIA_TYPE_VALUE)
    String apiPage() {
        return OgcRootHtml.api(openApi());
    }

    private Map<String, Object> openApi() {
        List<OgcCollection> visible = collections.visibleTo(audience.get());
        List<Object> format = List.of(OpenApi.ref("f"));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", OpenApi.get("getLandingPage", "ランディングページ (Landing page)", format, OpenApi.ok(JSON, HTML)));
        paths.put("/conformance", OpenApi.get("getConformance", "適合クラス (Conformance classes)", format, OpenApi.ok(JSON, HTML)));
        paths.put("/collections", OpenApi.get("getCollections", "コレクション (Collections)", format, OpenApi.ok(JSON, HTML)));
        for (OgcCollection collection : visible) {
            paths.put("/collections/" + collection.id(), OpenApi.get("describeCollection_" + collection.id(),
                    collection.title().bilingual(), format, OpenApi.ok(JSON, HTML)));
        }
        paths.put("/api", OpenApi.get("getApi", "API定義 (This API definition)", List.of(), OpenApi.ok(OPENAPI)));
        paths.put("/api.html", OpenApi.get("getApiDocumentation", "API説明 (API documentation)", List.of(), OpenApi.ok(HTML)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("f", OpenApi.query("f", "形式 (Format)", Map.of("type", "string", "enum", List.of("json", "html"))));
        for (OgcApiPart part : parts) {
            paths.putAll(part.apiPaths(visible));
            parameters.putAll(part.apiParameters());
        }
        String root = apiRoot();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Chizu 地図 OGC API", "version", "1.0.0",
                "description", "自治体の空間データ (Spatial data of the municipality): OGC API – Features (Part 1, 2, 3) and Tiles"));
        document.put("externalDocs", Map.of("description", "API説明 (API documentation)", "url", root + "/api.html"));
        document.put("servers", List.of(Map.of("url", root)));
        document.put("paths", paths);
        document.put("components", Map.of("parameters", parameters));
        return document;
    }

    private Collection describe(OgcCollection collection, String root) {
        String url = root + "/collections/" + collection.id();
        List<OgcLink> links = new ArrayList<>(withHtml(url, List.of(OgcLink.of(url, "self", JSON, collection.title().bilingual()))));
        links.add(OgcLink.of(collection.licenceUrl(), "license", null, collection.licenceTitle().bilingual()));
        parts.forEach(part -> links.addAll(part.collectionLinks(collection.id(), root)));
        Extent extent = collection.extent() == null ? null
                : new Extent(new Spatial(List.of(collection.extent()), "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        Map<String, Object> members = new LinkedHashMap<>();
        parts.forEach(part -> members.putAll(part.collectionMembers(collection.id())));
        return new Collection(collection.id(), collection.title().bilingual(), collection.description().bilingual(),
                extent, links, members);
    }
}
