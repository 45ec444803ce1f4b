package org.chizu.opendata.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcCollection;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.opendata.DownloadLinks;
import org.chizu.opendata.query.OutputCrs;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API – Features' contribution to the shared root {@code /ogc}: Part 1 (core, GeoJSON, HTML,
 * OpenAPI 3.0), Part 2 (CRS by reference) and Part 3 with CQL2 (text and JSON); per collection the
 * items, queryables and download links, its CRSs and storage CRS.
 */
@Component
class FeaturesPart implements OgcApiPart {

    private final LayerRegistry registry;

    FeaturesPart(LayerRegistry registry) {
        this.registry = registry;
    }

    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String HTML = "text/html";
    static final String SCHEMA = "application/schema+json";
    static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    /** Every CRS the API answers in, CRS84 (the default) first. */
    static final List<OutputCrs> CRSS;

    static {
        List<OutputCrs> crss = new ArrayList<>(List.of(OutputCrs.WGS84,
                new OutputCrs(4326, true), new OutputCrs(6668, true), new OutputCrs(3857)));
        IntStream.rangeClosed(6669, 6687).forEach(srid -> crss.add(new OutputCrs(srid, true)));
        CRSS = List.copyOf(crss);
    }

    @Override
    public List<String> conformsTo() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions");
    }

    /** A layer removed by a reload since the root listed it has nothing to add, here and below. */
    @Override
    public List<OgcLink> collectionLinks(String collectionId, String apiRoot) {
        return registry.find(collectionId).map(layer -> links(layer, apiRoot)).orElse(List.of());
    }

    @Override
    public Map<String, Object> collectionMembers(String collectionId) {
        return registry.find(collectionId).map(FeaturesPart::members).orElse(Map.of());
    }

    @Override
    public Map<String, Object> apiPaths(List<OgcCollection> collections) {
        return FeaturesApi.paths(collections.stream().flatMap(c -> registry.find(c.id()).stream()).toList());
    }

    @Override
    public Map<String, Object> apiParameters() {
        return FeaturesApi.parameters();
    }

    private static List<OgcLink> links(Layer layer, String apiRoot) {
        String collection = apiRoot + "/collections/" + layer.id();
        List<OgcLink> links = new ArrayList<>(List.of(
                OgcLink.of(collection + "/items", "items", GEOJSON, "地物 (Features)"),
                OgcLink.of(collection + "/items?f=html", "items", HTML, "地物一覧 (Features as HTML)"),
                OgcLink.of(collection + "/queryables", REL_QUERYABLES, SCHEMA, "検索できる属性 (Queryables)")));
        String server = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        DownloadLinks.of(layer).forEach(d -> links.add(OgcLink.of(server + d.href(), d.rel(), d.type(), d.title())));
        return links;
    }

    private static Map<String, Object> members(Layer layer) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("itemType", "feature");
        members.put("crs", CRSS.stream().map(OutputCrs::uri).toList());
        members.put("storageCrs", new OutputCrs(layer.geometry().srid(), true).uri());
        return members;
    }
}
