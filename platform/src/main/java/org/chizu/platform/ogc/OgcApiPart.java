package org.chizu.platform.ogc;

import java.util.List;
import java.util.Map;


/**
 * One building block of Chizu's OGC API (Tiles, Features …), all under the one root {@code /ogc}.
 * The root's landing page, conformance declaration and collection descriptions gather what every
 * part contributes, so a new part is a new Spring bean and no edit to the root.
 *
 * <p>{@code apiRoot} is the absolute URL of {@code /ogc} for the current request, without a
 * trailing slash; links are built on it so they survive proxies and host names.
 */
public interface OgcApiPart {

    /** The conformance classes (URIs) this part implements. */
    List<String> conformsTo();

    /** Links this part adds to the landing page. */
    default List<OgcLink> landingLinks(String apiRoot) {
        return List.of();
    }

    /** Links this part adds to the description of a collection, one the caller may see. */
    default List<OgcLink> collectionLinks(String collectionId, String apiRoot) {
        return List.of();
    }

    /**
     * Members this part adds to the description of a collection beside id, title, extent and links
     * (OGC API – Features adds {@code itemType}, {@code crs} and {@code storageCrs}).
     */
    default Map<String, Object> collectionMembers(String collectionId) {
        return Map.of();
    }

    /**
     * The OpenAPI 3.0 path items of this part's operations (see {@link OpenApi}), keyed by path below
     * the root ({@code /collections/roads/items}), for the collections the caller may see.
     */
    default Map<String, Object> apiPaths(List<OgcCollection> collections) {
        return Map.of();
    }

    /** The parameters of {@code components/parameters} that this part's paths refer to. */
    default Map<String, Object> apiParameters() {
        return Map.of();
    }
}
