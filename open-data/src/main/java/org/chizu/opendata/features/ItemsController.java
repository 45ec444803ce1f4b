package org.chizu.opendata.features;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.ogc.OgcApiRoot;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.opendata.cql2.Queryables;
import org.chizu.opendata.encoding.GeoJsonEncoder;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.query.FeatureQueryService;
import org.chizu.opendata.query.GeoJsonPage;
import org.chizu.opendata.query.OutputCrs;
import org.chizu.opendata.query.SqlFilter;
import org.chizu.platform.web.Negotiation;
import org.chizu.platform.web.OgcHtml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The features of a collection, OGC API – Features: {@code /ogc/collections/{id}/items} (pages
 * with numberMatched, numberReturned and next/prev links), {@code /items/{featureId}} and
 * {@code /queryables}. GeoJSON pages are written by PostgreSQL feature by feature and streamed,
 * page and numberMatched from one statement;
 * the CRS of the coordinates is in the {@code Content-Crs} header. Staff-only layers do not exist
 * for the public.
 */
@RestController
@RequestMapping("/ogc/collections/{collectionId}")
class ItemsController {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType GEOJSON = MediaType.parseMediaType(FeaturesPart.GEOJSON);
    private static final int OUTPUT_BUFFER = 64 * 1024;

    private final LayerRegistry registry;
    private final CurrentAudience audience;
    private final FeatureQueryService features;
    private final FeaturesHtml html;
    private final GeoJsonEncoder geoJson = new GeoJsonEncoder();

    ItemsController(LayerRegistry registry, CurrentAudience audience, FeatureQueryService features, FeaturesHtml html) {
        this.registry = registry;
        this.audience = audience;
        this.features = features;
        this.html = html;
    }

    @GetMapping("/items")
    void items(@PathVariable String collectionId, @RequestParam Map<String, String> parameters,
               @RequestHeader(value = "Accept", required = false) String accept,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        Layer layer = registry.require(collectionId, audience.get());
        boolean asHtml = Negotiation.wantsHtml(parameters.get("f"), accept);
        ItemsRequest items = ItemsRequest.parse(layer, parameters);
        FeatureQuery query = items.query();
        GeoJsonPage page = features.geoJsonPage(query);
        String root = OgcApiRoot.apiRoot();
        String itemsUrl = root + "/collections/" + layer.id() + "/items";
        String collectionUrl = root + "/collections/" + layer.id();
        LongFunction<List<OgcLink>> links = matched -> PageLinks.of(itemsUrl, request.getQueryString(), items.offset(),
                items.limit(), matched, collectionUrl);
        if (asHtml) {
            List<byte[]> read = new ArrayList<>();
            long[] matched = {0};
            page.read(new GeoJsonPage.Reader() {
                @Override
                public void matched(long numberMatched) {
                    matched[0] = numberMatched;
                }

                @Override
                public void feature(byte[] geoJson) {
                    read.add(geoJson);
                }
            });
            byte[] body = html.items(layer, read, matched[0], items.offset(), links.apply(matched[0])).getBytes(StandardCharsets.UTF_8);
            response.setContentType(OgcHtml.MEDIA_TYPE.toString());
            response.getOutputStream().write(body);
            return;
        }
        // Written straight to the response, on this thread: the first bytes wait in the buffer until the
        // database has answered, so a failing query still becomes a problem+json response.
        String timeStamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        response.setContentType(FeaturesPart.GEOJSON);
        response.setHeader("Content-Crs", "<" + query.crs().uri() + ">");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), OUTPUT_BUFFER);
        geoJson.write(page, out,
                matched -> "\"numberMatched\":" + matched + ",\"timeStamp\":\"" + timeStamp + "\",\"links\":" + json(links.apply(matched)) + ",",
                returned -> "\"numberReturned\":" + returned);
        out.flush();
    }

    @GetMapping("/items/{featureId}")
    ResponseEntity<String> item(@PathVariable String collectionId, @PathVariable String featureId,
                           @RequestParam(required = false) String crs, @RequestParam(required = false) String f,
                           @RequestHeader(value = "Accept", required = false) String accept) throws Exception {
        Layer layer = registry.require(collectionId, audience.get());
        long id;
        try {
            id = Long.parseLong(featureId);
        } catch (NumberFormatException e) {
            throw noSuchFeature(layer, featureId);
        }
        OutputCrs outputCrs = OutputCrs.parseInAxisOrder(crs, OutputCrs.WGS84);
        FeatureQuery query = FeatureQuery.wholeLayer(layer).inCrs(outputCrs)
                .filteredBy(new SqlFilter("f." + quote(layer.idColumn()) + " = ?", List.of(id)));
        byte[][] found = {null};
        features.geoJsonFeatures(query).forEach(feature -> found[0] = feature);
        if (found[0] == null) {
            throw noSuchFeature(layer, featureId);
        }
        String root = OgcApiRoot.apiRoot();
        String itemUrl = root + "/collections/" + layer.id() + "/items/" + id;
        if (Negotiation.wantsHtml(f, accept)) {
            return htmlResponse(html.item(layer, found[0], itemUrl));
        }
        List<OgcLink> links = List.of(
                OgcLink.of(itemUrl + "?f=json", "self", FeaturesPart.GEOJSON, "この地物 (This feature)"),
                OgcLink.of(itemUrl + "?f=html", "alternate", FeaturesPart.HTML, "HTML"),
                OgcLink.of(root + "/collections/" + layer.id(), "collection", FeaturesPart.JSON, "コレクション (Collection)"));
        String feature = new String(found[0], StandardCharsets.UTF_8);
        String withLinks = feature.substring(0, feature.length() - 1) + ",\"links\":" + json(links) + "}";
        return ResponseEntity.ok().contentType(GEOJSON).header("Content-Crs", "<" + outputCrs.uri() + ">").body(withLinks);
    }

    @GetMapping("/queryables")
    ResponseEntity<?> queryables(@PathVariable String collectionId, @RequestParam(required = false) String f,
                                 @RequestHeader(value = "Accept", required = false) String accept) {
        Layer layer = registry.require(collectionId, audience.get());
        String url = OgcApiRoot.apiRoot() + "/collections/" + layer.id() + "/queryables";
        Map<String, Object> schema = QueryablesSchema.of(new Queryables(layer), url);
        if (Negotiation.wantsHtml(f, accept)) {
            return htmlResponse(html.queryables(layer, schema, url));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FeaturesPart.SCHEMA)).body(schema);
    }

    private static ResponseEntity<String> htmlResponse(String page) {
        return ResponseEntity.ok().contentType(OgcHtml.MEDIA_TYPE).body(page);
    }

    private static ResponseStatusException noSuchFeature(Layer layer, String featureId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "layer " + layer.id() + " has no feature '" + featureId + "'");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("links are plain records", e);
        }
    }
}
