package org.chizu.catalog;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.DownloadLinks;
import org.springframework.stereotype.Component;

/**
 * Every URI the catalog publishes, built from {@code chizu.catalog.base-url}. One place, so that
 * the DCAT model, the paging links and the CKAN API name the same things the same way.
 */
@Component
public class CatalogUris {

    private final String base;

    public CatalogUris(CatalogProperties properties) {
        this.base = properties.base();
    }

    public String home() {
        return base + "/";
    }

    /** A path on this server ("/forestry?survey=3") as a URI; a URI as it is. */
    public String resolve(String pathOrUri) {
        return pathOrUri.startsWith("/") ? base + pathOrUri : pathOrUri;
    }

    public String catalog() {
        return base + "/catalog";
    }

    /** A page of the catalog, repeating the search that selected its datasets. */
    public String catalogPage(CatalogQuery search, int page) {
        return catalog() + "?" + search.queryString() + "page=" + page;
    }

    public String dataset(String layerId) {
        return base + "/dataset/" + layerId;
    }

    /** The list of datasets for people, with search and facets (served by the web map module). */
    public String datasetsPage() {
        return base + "/datasets";
    }

    /** A dataset's page for people: its extent on a map, downloads and API snippets. */
    public String datasetPage(String layerId) {
        return datasetsPage() + "/" + layerId;
    }

    /** CKAN's package id: a name-based UUID of the dataset URI, stable for the same base URL. */
    public String packageId(String layerId) {
        return uuid(dataset(layerId));
    }

    /** A name-based (version 3) UUID of a URI. */
    public static String uuid(String uri) {
        return UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String distribution(String layerId, DownloadFormat format) {
        return dataset(layerId) + "/distribution/" + resourceId(layerId, format);
    }

    public String apiDistribution(String layerId) {
        return dataset(layerId) + "/distribution/" + layerId + "-ogcapi";
    }

    /** The id CKAN gives the resource ("roads-shp-zip"). */
    public static String resourceId(String layerId, DownloadFormat format) {
        return layerId + "-" + format.extension().replace('.', '-');
    }

    public String download(String layerId, DownloadFormat format) {
        return base + DownloadLinks.path(layerId, format);
    }

    /** The distribution of a standard layout (自治体標準オープンデータセット) of a layer. */
    public String standardDistribution(String layerId, String standardId) {
        return dataset(layerId) + "/distribution/" + layerId + "-" + standardId + "-csv";
    }

    public String standardDownload(String layerId, String standardId) {
        return base + DownloadLinks.standardPath(layerId, standardId);
    }

    public String ogcApi() {
        return base + "/ogc";
    }

    /** The SPARQL endpoint. */
    public String sparql() {
        return base + "/sparql";
    }

    public String ogcCollection(String layerId) {
        return ogcApi() + "/collections/" + layerId;
    }

    public String ogcItems(String layerId) {
        return ogcCollection(layerId) + "/items";
    }

    /** The document describing the metrics of the metadata-quality score, and their namespace. */
    public String qualityMetrics() {
        return catalog() + "/quality-metrics";
    }

    public String publisher() {
        return base + "/catalog#publisher";
    }

    public String contactPoint() {
        return base + "/catalog#contact";
    }

    public String ckanAction(String action) {
        return base + "/api/3/action/" + action;
    }
}
