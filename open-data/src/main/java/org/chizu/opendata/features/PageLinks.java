package org.chizu.opendata.features;

import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.ogc.OgcLink;

/**
 * The links of one items page: self and its HTML alternate, next and prev when there are such
 * pages, and the collection. Built on the request's own query string, so every filter a client
 * sent, encoded as it sent it, is kept in the links; only {@code offset} and {@code f} change.
 */
final class PageLinks {

    private PageLinks() {
    }

    /**
     * @param itemsUrl the absolute URL of the items resource, without a query
     * @param query    the raw (encoded) query string of the request, or null
     * @param matched  how many features match in all
     */
    static List<OgcLink> of(String itemsUrl, String query, long offset, long limit, long matched, String collectionUrl) {
        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!name.isEmpty() && !name.equals("offset") && !name.equals("f")) {
                    kept.add(pair);
                }
            }
        }
        List<OgcLink> links = new ArrayList<>();
        links.add(OgcLink.of(url(itemsUrl, kept, offset, "json"), "self", FeaturesPart.GEOJSON, "このページ (This page)"));
        links.add(OgcLink.of(url(itemsUrl, kept, offset, "html"), "alternate", FeaturesPart.HTML, "HTML"));
        if (offset + limit < matched) {
            links.add(OgcLink.of(url(itemsUrl, kept, offset + limit, "json"), "next", FeaturesPart.GEOJSON, "次のページ (Next page)"));
        }
        if (offset > 0) {
            links.add(OgcLink.of(url(itemsUrl, kept, Math.max(0, offset - limit), "json"), "prev", FeaturesPart.GEOJSON,
                    "前のページ (Previous page)"));
        }
        links.add(OgcLink.of(collectionUrl, "collection", FeaturesPart.JSON, "コレクション (Collection)"));
        return links;
    }

    /** The items URL of a page in a format; html pages link to each other the same way. */
    static String url(String itemsUrl, List<String> kept, long offset, String format) {
        List<String> parameters = new ArrayList<>(kept);
        if (offset > 0) {
            parameters.add("offset=" + offset);
        }
        parameters.add("f=" + format);
        return itemsUrl + "?" + String.join("&", parameters);
    }
}
