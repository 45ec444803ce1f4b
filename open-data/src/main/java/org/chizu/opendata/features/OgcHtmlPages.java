package org.chizu.opendata.features;

import java.util.List;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.platform.web.OgcHtml;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTML encoding of the shared OGC API resources (landing page, conformance, collections, one
 * collection) with {@code f=html}. The JSON documents are the root's (tile-server), which stay the
 * answer to any Accept header, so that API clients sending {@code *}{@code /*} keep getting JSON;
 * these pages read the same registry and the same {@link OgcApiPart}s.
 */
@RestController
class OgcHtmlPages {


    private final List<OgcApiPart> parts;
    private final LayerRegistry registry;
    private final CurrentAudience audience;

    OgcHtmlPages(List<OgcApiPart> parts, LayerRegistry registry, CurrentAudience audience) {
        this.parts = parts;
        this.registry = registry;
        this.audience = audience;
    }

    @GetMapping(path = {"/ogc", "/ogc/"}, params = "f=html", produces = OgcHtml.MEDIA_TYPE_VALUE)
    String landingPage() {
        String root = ItemsController.apiRoot();
        StringBuilder body = new StringBuilder("<p>自治体の空間データ (Spatial data of the municipality)</p>\n<ul>\n");
        body.append(item("/ogc/collections?f=html", "コレクション (Collections)"));
        body.append(item("/ogc/conformance?f=html", "適合クラス (Conformance classes)"));
        parts.forEach(part -> part.landingLinks(root).forEach(link -> body.append(item(link.href(), link.title()))));
        return OgcHtml.page("Chizu 地図 OGC API", "", body.append("</ul>\n").toString());
    }

    @GetMapping(path = "/ogc/conformance", params = "f=html", produces = OgcHtml.MEDIA_TYPE_VALUE)
    String conformance() {
        StringBuilder body = new StringBuilder("<ul>\n");
        parts.stream().flatMap(part -> part.conformsTo().stream()).distinct()
                .forEach(uri -> body.append("<li>").append(OgcHtml.escape(uri)).append("</li>\n"));
        return OgcHtml.page("適合クラス (Conformance classes)", "", body.append("</ul>\n").toString());
    }

    @GetMapping(path = "/ogc/collections", params = "f=html", produces = OgcHtml.MEDIA_TYPE_VALUE)
    String collections() {
        StringBuilder body = new StringBuilder("<ul>\n");
        for (Layer layer : registry.visibleTo(audience.get())) {
            body.append(item("/ogc/collections/" + layer.id() + "?f=html", layer.title().ja() + " (" + layer.title().en() + ")"));
        }
        return OgcHtml.page("コレクション (Collections)", "", body.append("</ul>\n").toString());
    }

    @GetMapping(path = "/ogc/collections/{collectionId}", params = "f=html", produces = OgcHtml.MEDIA_TYPE_VALUE)
    String collection(@PathVariable String collectionId) {
        Layer layer = registry.require(collectionId, audience.get());
        String root = ItemsController.apiRoot();
        StringBuilder body = new StringBuilder("<ul>\n");
        for (OgcApiPart part : parts) {
            for (OgcLink link : part.collectionLinks(layer.id(), root)) {
                body.append(item(link.href(), link.title() + (link.type() == null ? "" : " — " + link.type())));
            }
        }
        return FeaturesHtml.page(layer.title().ja() + " (" + layer.title().en() + ")", layer, body.append("</ul>\n").toString());
    }

    private static String item(String href, String title) {
        return "<li><a href=\"" + OgcHtml.escape(href) + "\">" + OgcHtml.escape(title == null ? href : title) + "</a></li>\n";
    }
}
