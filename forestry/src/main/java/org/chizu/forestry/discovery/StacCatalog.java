package org.chizu.forestry.discovery;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.catalog.CatalogProperties;
import org.chizu.forestry.products.ProductKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The laser archive as a STAC API 1.0 (core, collections, OGC API – Features and item search), as
 * JSON documents; knows no HTTP. One collection per survey; in it an item per archived tile (its LAS
 * or LAZ file) and one per product raster (its COG). Geometry and bbox are in longitude/latitude; the
 * projection extension gives each item's own plane coordinate system ({@code proj:epsg}), extent and,
 * for a raster, its grid. Assets link to the access-controlled downloads: STAC tells where the data
 * is and that using it is restricted (the collection's {@code license} is {@code proprietary}, linked
 * to the terms); it does not grant access.
 */
@Service
class StacCatalog {

    static final String VERSION = "1.0.0";
    static final String PROJECTION = "https://stac-extensions.github.io/projection/v1.1.0/schema.json";
    static final String FILE = "https://stac-extensions.github.io/file/v2.1.0/schema.json";
    static final String POINT_CLOUD = "https://stac-extensions.github.io/pointcloud/v1.0.0/schema.json";
    /** What the API does: item search by GET and POST, both it and a collection's items with sortby and fields; no filter, query or transactions. */
    static final List<String> CONFORMANCE = List.of(
            "https://api.stacspec.org/v1.0.0/core",
            "https://api.stacspec.org/v1.0.0/collections",
            "https://api.stacspec.org/v1.0.0/ogcapi-features",
            "https://api.stacspec.org/v1.0.0/item-search",
            "https://api.stacspec.org/v1.0.0/item-search#sort",
            "https://api.stacspec.org/v1.0.0/item-search#fields",
            "https://api.stacspec.org/v1.0.0/ogcapi-features#sort",
            "https://api.stacspec.org/v1.0.0/ogcapi-features#fields",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    private static final String JSON = "application/json";
    private static final String GEOJSON = "application/geo+json";
    private static final String LIDAR = "lidar";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How a search came, and so how its next page is asked for. */
    enum Method {
        GET, POST
    }

    /** An item with what a search filters it by. */
    private record Item(String id, String collection, Geometry footprint, Instant start, Instant end, Map<String, Object> document)
            implements StacQuery.Searchable {
    }

    private final ArchiveListing listing;
    private final CatalogProperties properties;

    StacCatalog(ArchiveListing listing, CatalogProperties properties) {
        this.listing = listing;
        this.properties = properties;
    }

    Map<String, Object> landing() {
        Map<String, Object> landing = new LinkedHashMap<>();
        landing.put("type", "Catalog");
        landing.put("stac_version", VERSION);
        landing.put("id", "chizu-laser-archive");
        landing.put("title", "航空レーザ計測アーカイブ (Airborne laser survey archive)");
        landing.put("description", "The town's airborne laser surveys: point-cloud tiles and the rasters made from them. "
                + "Listing is open; downloading needs an approved application (測量法: the surveying body's approval).");
        landing.put("conformsTo", CONFORMANCE);
        List<Map<String, Object>> links = new ArrayList<>(List.of(
                link("self", ArchiveAddresses.stac(), JSON), link("root", ArchiveAddresses.stac(), JSON),
                link("conformance", ArchiveAddresses.stac() + "/conformance", JSON),
                link("service-desc", ArchiveAddresses.stac() + "/api", StacOpenApi.MEDIA_TYPE),
                link("data", ArchiveAddresses.stac() + "/collections", JSON)));
        for (Method method : Method.values()) {
            Map<String, Object> search = link("search", ArchiveAddresses.stac() + "/search", GEOJSON);
            search.put("method", method.name());
            links.add(search);
        }
        for (ArchiveListing.Survey survey : listing.surveys()) {
            Map<String, Object> child = link("child", ArchiveAddresses.collection(survey.id()), JSON);
            child.put("title", survey.name());
            links.add(child);
        }
        landing.put("links", links);
        return landing;
    }

    /** The OpenAPI definition the landing page links as service-desc. */
    Map<String, Object> openApi() {
        return StacOpenApi.document(properties.base() + ArchiveAddresses.stac());
    }

    Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
    }

    Map<String, Object> collections() {
        String self = ArchiveAddresses.stac() + "/collections";
        return Map.of("collections", listing.surveys().stream().map(this::collection).toList(),
                "links", List.of(link("self", self, JSON), link("root", ArchiveAddresses.stac(), JSON)));
    }

    /** @throws StacProblem 404 when there is no such collection */
    Map<String, Object> collection(String id) {
        return collection(survey(id));
    }

    /** A page of a collection's items matching the query. */
    Map<String, Object> items(String collectionId, StacQuery query) {
        ArchiveListing.Survey survey = survey(collectionId);
        List<Item> matching = items(survey).stream().filter(query::matches).sorted(query.order()).toList();
        return page(matching, query, ArchiveAddresses.collection(survey.id()) + "/items", Method.GET);
    }

    /** @throws StacProblem 404 when there is no such collection or item */
    Map<String, Object> item(String collectionId, String itemId) {
        return items(survey(collectionId)).stream().filter(item -> item.id().equals(itemId)).findFirst()
                .map(Item::document).orElseThrow(() -> StacProblem.noItem(collectionId, itemId));
    }

    /** Item search across collections; its next page is asked for the way this one was. */
    Map<String, Object> search(StacQuery query, Method method) {
        List<Item> matching = listing.surveys().stream()
                .filter(survey -> query.wantsCollection(ArchiveAddresses.collectionId(survey.id())))
                .flatMap(survey -> items(survey).stream())
                .filter(query::matches).sorted(query.order()).toList();
        return page(matching, query, ArchiveAddresses.stac() + "/search", method);
    }

    private ArchiveListing.Survey survey(String collectionId) {
        String prefix = ArchiveAddresses.SURVEY_PREFIX;
        if (collectionId.startsWith(prefix) && collectionId.substring(prefix.length()).matches("\\d{1,18}")) {
            Optional<ArchiveListing.Survey> survey = listing.survey(Long.parseLong(collectionId.substring(prefix.length())));
            if (survey.isPresent()) {
                return survey.get();
            }
        }
        throw StacProblem.noCollection(collectionId);
    }

    private Map<String, Object> collection(ArchiveListing.Survey survey) {
        String self = ArchiveAddresses.collection(survey.id());
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "Collection");
        collection.put("stac_version", VERSION);
        collection.put("stac_extensions", List.of(PROJECTION, POINT_CLOUD));
        collection.put("id", ArchiveAddresses.collectionId(survey.id()));
        collection.put("title", "航空レーザ計測 " + survey.name());
        collection.put("description", String.format("Airborne laser survey %s by %s (測量計画機関): %,d tiles, %,d points, "
                + "and the rasters made from them. Use needs an approved application and the surveying body's approval under "
                + "the Survey Act (測量法).", survey.name(), survey.surveyingBody(), survey.tiles(), survey.points()));
        collection.put("keywords", List.of("航空レーザ計測", "airborne laser scanning", "lidar", "point cloud", "DEM", "forest"));
        collection.put("license", "proprietary");
        collection.put("providers", List.of(
                Map.of("name", survey.surveyingBody(), "roles", List.of("producer", "licensor")),
                Map.of("name", properties.publisher().nameJa() + " (" + properties.publisher().nameEn() + ")",
                        "roles", List.of("host", "processor"), "url", properties.base() + "/forestry")));
        ArchiveListing.LonLat box = survey.extent();
        collection.put("extent", Map.of(
                "spatial", Map.of("bbox", List.of(List.of(box.west(), box.south(), box.east(), box.north()))),
                "temporal", Map.of("interval", List.of(List.of(rfc3339(start(survey)), rfc3339(end(survey)))))));
        List<Integer> srids = listing.tiles(survey.id()).stream().map(ArchiveListing.Tile::srid).distinct().toList();
        collection.put("summaries", Map.of("proj:epsg", srids, "pc:type", List.of(LIDAR)));
        collection.put("links", List.of(link("self", self, JSON), link("root", ArchiveAddresses.stac(), JSON),
                link("parent", ArchiveAddresses.stac(), JSON), link("items", self + "/items", GEOJSON),
                titled(link("license", ArchiveAddresses.terms(), JSON), "利用条件 (terms of use)"),
                titled(link("about", ArchiveAddresses.landingPage(survey.id()), "text/html"), "森林の航空レーザ計測データ"),
                titled(link("describedby", "/dataset/" + SurveyCatalog.surveyDatasetId(survey.id()) + ".ttl", "text/turtle"), "DCAT")));
        return collection;
    }

    private List<Item> items(ArchiveListing.Survey survey) {
        List<Item> items = new ArrayList<>();
        for (ArchiveListing.Tile tile : listing.tiles(survey.id())) {
            // The header names a day, not a time: the item stands for all of it.
            Instant day = tile.created().map(StacCatalog::midnight).orElse(tile.ingested());
            Instant dayEnd = tile.created().map(created -> midnight(created.plusDays(1)).minusSeconds(1)).orElse(day);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("title", tile.fileName());
            properties.put("datetime", rfc3339(day));
            properties.put("start_datetime", rfc3339(day));
            properties.put("end_datetime", rfc3339(dayEnd));
            properties.put("proj:epsg", tile.srid());
            properties.put("proj:bbox", List.of(tile.minX(), tile.minY(), tile.maxX(), tile.maxY()));
            properties.putAll(pointCloud(tile));
            Map<String, Object> asset = asset(ArchiveAddresses.tile(tile.id()), TileEncoding.of(tile).mediaType,
                    tile.fileName() + " (LAS " + tile.lasVersion() + ", point format " + tile.pointFormat() + ")", List.of("data"));
            asset.put("file:size", tile.byteSize());
            String id = "tile-" + tile.id();
            items.add(new Item(id, ArchiveAddresses.collectionId(survey.id()), footprint(tile.geometry()), day, dayEnd,
                    item(survey, id, tile.geometry(), tile.extent(), properties, Map.of("data", asset), POINT_CLOUD)));
        }
        for (ArchiveListing.Product product : listing.products(survey.id())) {
            ProductKind kind = product.kind();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("title", kind.label.ja() + " (" + kind.label.en() + ")");
            // A product shows the ground as it was flown: the survey's days, not the day it was computed.
            properties.put("datetime", null);
            properties.put("start_datetime", rfc3339(start(survey)));
            properties.put("end_datetime", rfc3339(end(survey)));
            properties.put("created", rfc3339(product.made()));
            properties.put("gsd", product.cellMetres());
            properties.put("proj:epsg", product.srid());
            properties.put("proj:shape", List.of(product.height(), product.width()));
            properties.put("proj:transform", List.of(product.cellMetres(), 0.0, product.west(), 0.0, -product.cellMetres(), product.north()));
            Map<String, Object> asset = asset(ArchiveAddresses.product(survey.id(), kind), SurveyCatalog.GEOTIFF,
                    kind.label.en() + " (Cloud-Optimized GeoTIFF)", kind == ProductKind.CS_RELIEF || kind == ProductKind.HILLSHADE
                            ? List.of("data", "visual") : List.of("data"));
            asset.put("file:size", product.byteSize());
            // Keyed by kind, so that a client mosaicking "an asset" across items (GDAL's STACIT) never mixes a DEM with a CHM.
            items.add(new Item(kind.id, ArchiveAddresses.collectionId(survey.id()), footprint(product.geometry()), start(survey), end(survey),
                    item(survey, kind.id, product.geometry(), product.extent(), properties, Map.of(kind.id, asset))));
        }
        return items;
    }

    private Map<String, Object> item(ArchiveListing.Survey survey, String id, String geometry, ArchiveListing.LonLat box,
            Map<String, Object> properties, Map<String, Object> assets, String... extensions) {
        String collection = ArchiveAddresses.collection(survey.id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "Feature");
        item.put("stac_version", VERSION);
        List<String> schemas = new ArrayList<>(List.of(PROJECTION, FILE));
        schemas.addAll(List.of(extensions));
        item.put("stac_extensions", schemas);
        item.put("id", id);
        item.put("collection", ArchiveAddresses.collectionId(survey.id()));
        item.put("geometry", json(geometry));
        item.put("bbox", List.of(box.west(), box.south(), box.east(), box.north()));
        item.put("properties", properties);
        item.put("assets", assets);
        item.put("links", List.of(link("self", collection + "/items/" + id, GEOJSON), link("collection", collection, JSON),
                link("parent", collection, JSON), link("root", ArchiveAddresses.stac(), JSON)));
        return item;
    }

    private Map<String, Object> page(List<Item> matching, StacQuery query, String path, Method method) {
        List<Map<String, Object>> features = matching.stream().skip(query.offset()).limit(query.limit()).map(Item::document)
                .map(query.fields()::apply).toList();
        List<Map<String, Object>> links = new ArrayList<>(List.of(link("root", ArchiveAddresses.stac(), JSON)));
        if (query.offset() + features.size() < matching.size()) {
            Map<String, Object> next = link("next", method == Method.GET ? path + "?" + query.nextParameters() : path, GEOJSON);
            next.put("method", method.name());
            if (method == Method.POST) {
                next.put("body", query.nextBody());
            }
            links.add(next);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "FeatureCollection");
        page.put("features", features);
        page.put("numberMatched", matching.size());
        page.put("numberReturned", features.size());
        page.put("links", links);
        return page;
    }

    /**
     * The point cloud extension's fields for a tile, from its header as the tile index holds it: the
     * count, the density over its footprint, the dimensions of its point format and, as statistics,
     * the bounds of X, Y and Z.
     */
    private static Map<String, Object> pointCloud(ArchiveListing.Tile tile) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pc:count", tile.points());
        fields.put("pc:type", LIDAR);
        fields.put("pc:encoding", TileEncoding.of(tile).encoding());
        fields.put("pc:schemas", PointDimensions.of(tile.pointFormat()));
        fields.put("pc:density", tile.pointsPerSquareMetre());
        fields.put("pc:statistics", List.of(bounds("X", 0, tile.minX(), tile.maxX()), bounds("Y", 1, tile.minY(), tile.maxY()),
                bounds("Z", 2, tile.minZ(), tile.maxZ())));
        return fields;
    }

    private static Map<String, Object> bounds(String name, int position, double minimum, double maximum) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("name", name);
        statistics.put("position", position);
        statistics.put("minimum", minimum);
        statistics.put("maximum", maximum);
        return statistics;
    }

    private static Geometry footprint(String geoJson) {
        try {
            return new GeoJsonReader().read(geoJson);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS wrote GeoJSON JTS cannot read", e);
        }
    }

    private Map<String, Object> asset(String path, String type, String title, List<String> roles) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("href", properties.base() + path);
        asset.put("type", type);
        asset.put("title", title);
        asset.put("roles", roles);
        return asset;
    }

    /** A tile's file: LAZ, COPC (LAZ laid out for range reads) or plain LAS, as its name says. */
    private enum TileEncoding {
        LAS("application/vnd.las"), LASZIP("application/vnd.laszip"), COPC("application/vnd.laszip+copc");

        final String mediaType;

        TileEncoding(String mediaType) {
            this.mediaType = mediaType;
        }

        static TileEncoding of(ArchiveListing.Tile tile) {
            if (tile.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".copc.laz")) {
                return COPC;
            }
            return tile.compressed() ? LASZIP : LAS;
        }

        /** As {@code pc:encoding}. */
        String encoding() {
            return this == LASZIP ? "LASzip" : name();
        }
    }

    private Map<String, Object> link(String rel, String path, String type) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("rel", rel);
        link.put("href", properties.base() + path);
        link.put("type", type);
        return link;
    }

    private static Map<String, Object> titled(Map<String, Object> link, String title) {
        link.put("title", title);
        return link;
    }

    /** The first day its files were made, else the day it was archived. */
    private static Instant start(ArchiveListing.Survey survey) {
        return survey.firstDay().map(StacCatalog::midnight).orElse(survey.created());
    }

    /** The end of the last day its files were made, else the day it was archived. */
    private static Instant end(ArchiveListing.Survey survey) {
        return survey.lastDay().map(day -> midnight(day.plusDays(1)).minusSeconds(1)).orElse(survey.created());
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String rfc3339(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static JsonNode json(String geoJson) {
        try {
            return MAPPER.readTree(geoJson);
        } catch (IOException e) {
            throw new IllegalStateException("PostGIS wrote GeoJSON Jackson cannot read", e);
        }
    }
}
