package org.chizu.opendata.features;

import java.util.List;
import java.util.Map;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.web.OgcHtml;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /ogc/api}: the OpenAPI 3.0 definition for the caller (staff-only layers are absent for the public), and a readable page of it. */
@RestController
class ApiController {

    private final LayerRegistry registry;
    private final CurrentAudience audience;

    ApiController(LayerRegistry registry, CurrentAudience audience) {
        this.registry = registry;
        this.audience = audience;
    }

    @GetMapping("/ogc/api")
    ResponseEntity<Map<String, Object>> api() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FeaturesPart.OPENAPI))
                .body(OpenApiDocument.of(registry.visibleTo(audience.get()), ItemsController.apiRoot()));
    }

    @GetMapping(path = "/ogc/api.html", produces = MediaType.TEXT_HTML_VALUE)
    String apiPage() {
        List<Layer> layers = registry.visibleTo(audience.get());
        StringBuilder body = new StringBuilder("""
                <p><a href="/ogc/api">OpenAPI 3.0 (JSON)</a></p>
                <table><tr><th>パス (Path)</th><th>内容 (What)</th></tr>
                <tr><td>/ogc</td><td>ランディングページ (Landing page)</td></tr>
                <tr><td>/ogc/conformance</td><td>適合クラス (Conformance classes)</td></tr>
                <tr><td>/ogc/collections</td><td>コレクション (Collections)</td></tr>
                """);
        for (Layer layer : layers) {
            String items = "/ogc/collections/" + layer.id() + "/items";
            body.append("<tr><td><a href=\"").append(items).append("?f=html\">").append(items).append("</a></td><td>")
                    .append(OgcHtml.escape(layer.title().ja())).append(" (").append(OgcHtml.escape(layer.title().en()))
                    .append("): limit, offset, bbox, bbox-crs, datetime, crs, filter (cql2-text, cql2-json), filter-crs, f, ")
                    .append(String.join(", ", layer.attributes().stream().map(a -> a.name()).toList())).append("</td></tr>\n");
        }
        body.append("</table>\n");
        return OgcHtml.page("API説明 (API documentation)", "", body.toString());
    }
}
