package org.chizu.platform.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.chizu.platform.RequestAudience;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one root of Chizu's OGC API, {@code /ogc}: landing page, conformance and collections
 * (OGC API – Common). It knows no building block: Tiles, Features and any later part contribute
 * their links and conformance classes as {@link OgcApiPart} beans, and the collections come from
 * the one {@link OgcCollections} bean.
 */
@RestController
@RequestMapping(path = "/ogc", produces = "application/json")
public class OgcApiRoot {

    public static final String JSON = "application/json";
    private static final List<String> COMMON_CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page",
            "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json",
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

    record LandingPage(String title, String description, List<OgcLink> links) {
    }

    record Conformance(List<String> conformsTo) {
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
    LandingPage landingPage() {
        String root = apiRoot();
        List<OgcLink> links = new ArrayList<>(List.of(
                OgcLink.of(root, "self", JSON, "このページ (This document)"),
                OgcLink.of(root + "/conformance", "conformance", JSON, "適合クラス (Conformance classes)"),
                OgcLink.of(root + "/collections", "data", JSON, "コレクション (Collections)")));
        parts.forEach(part -> links.addAll(part.landingLinks(root)));
        return new LandingPage("Chizu 地図", "自治体の空間データ (Spatial data of the municipality)", links);
    }

    @GetMapping("/conformance")
    Conformance conformance() {
        return new Conformance(Stream.concat(COMMON_CONFORMANCE.stream(),
                parts.stream().flatMap(part -> part.conformsTo().stream())).distinct().toList());
    }

    @GetMapping("/collections")
    Collections collections() {
        String root = apiRoot();
        return new Collections(
                List.of(OgcLink.of(root + "/collections", "self", JSON, "コレクション (Collections)")),
                collections.visibleTo(audience.get()).stream().map(c -> describe(c, root)).toList());
    }

    @GetMapping("/collections/{collectionId}")
    Collection collection(@PathVariable String collectionId) {
        return describe(collections.find(collectionId, audience.get())
                .orElseThrow(() -> new UnknownCollectionException(collectionId)), apiRoot());
    }

    private Collection describe(OgcCollection collection, String root) {
        List<OgcLink> links = new ArrayList<>();
        links.add(OgcLink.of(root + "/collections/" + collection.id(), "self", JSON, collection.title().bilingual()));
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
