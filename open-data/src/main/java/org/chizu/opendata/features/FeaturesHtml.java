package org.chizu.opendata.features;

import static org.chizu.platform.web.OgcHtml.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.opendata.DownloadLinks;
import org.chizu.platform.web.OgcHtml;
import org.springframework.stereotype.Component;

/**
 * The HTML encoding of features (OGC API – Features, conformance class html): server-rendered
 * pages in Japanese with English beside it, a table of the features, a small SVG preview of their
 * shapes, and links to the web map and the downloads. Attribute values show their labels.
 */
@Component
class FeaturesHtml {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREVIEW_WIDTH = 480;
    private static final int PREVIEW_HEIGHT = 320;

    String items(Layer layer, List<byte[]> features, long matched, long offset, List<OgcLink> links) {
        List<JsonNode> read = new ArrayList<>();
        try {
            for (byte[] feature : features) {
                read.add(JSON.readTree(feature));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(matched).append(" 件中 ").append(read.isEmpty() ? 0 : offset + 1).append("–")
                .append(offset + read.size()).append(" 件 (features ").append(read.isEmpty() ? 0 : offset + 1).append("–")
                .append(offset + read.size()).append(" of ").append(matched).append(")</p>\n");
        body.append(preview(read));
        body.append(table(layer, read));
        body.append("<nav>");
        for (OgcLink link : links) {
            if (link.rel().equals("prev") || link.rel().equals("next")) {
                body.append(" <a rel=\"").append(link.rel()).append("\" href=\"").append(escape(link.href().replace("f=json", "f=html")))
                        .append("\">").append(escape(link.title())).append("</a>");
            }
        }
        body.append(" ").append(geoJsonLink(links.getFirst().href())).append("</nav>\n");
        return page(layer.title().ja() + " (" + layer.title().en() + ")", layer, body.toString());
    }

    String item(Layer layer, byte[] feature, String itemUrl) {
        JsonNode node;
        try {
            node = JSON.readTree(feature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = preview(List.of(node)) + table(layer, List.of(node))
                + "<nav>" + geoJsonLink(itemUrl + "?f=json") + "</nav>\n";
        return page(layer.title().ja() + " #" + node.path("id").asText(), layer, body);
    }

    /** The queryables' JSON Schema as a table: name, title, type and allowed values. */
    @SuppressWarnings("unchecked")
    String queryables(Layer layer, Map<String, Object> schema, String url) {
        StringBuilder body = new StringBuilder("<table>\n<tr><th>名前<br><small>Name</small></th><th>項目<br><small>Title</small></th>"
                + "<th>型<br><small>Type</small></th><th>値<br><small>Values</small></th></tr>\n");
        ((Map<String, Map<String, Object>>) schema.get("properties")).forEach((name, property) -> body.append("<tr><td><code>")
                .append(escape(name)).append("</code></td><td>").append(escape(String.valueOf(property.get("title"))))
                .append("</td><td>").append(escape(String.valueOf(property.getOrDefault("type", property.get("format")))))
                .append("</td><td>").append(escape(property.containsKey("enum") ? String.join(", ", (List<String>) property.get("enum")) : ""))
                .append("</td></tr>\n"));
        body.append("</table>\n<nav><a rel=\"alternate\" type=\"").append(FeaturesPart.SCHEMA).append("\" href=\"")
                .append(escape(url)).append("?f=json\">JSON Schema</a></nav>\n");
        return page(layer.title().bilingual() + " — 検索できる属性 (Queryables)", layer, body.toString());
    }

    /** The link to the same resource as GeoJSON. */
    private static String geoJsonLink(String href) {
        return "<a rel=\"alternate\" type=\"" + FeaturesPart.GEOJSON + "\" href=\"" + escape(href) + "\">GeoJSON</a>";
    }

    private static String table(Layer layer, List<JsonNode> features) {
        StringBuilder table = new StringBuilder("<table>\n<tr><th>ID</th>");
        layer.attributes().forEach(a -> table.append("<th>").append(escape(a.label().ja())).append("<br><small>")
                .append(escape(a.label().en())).append("</small></th>"));
        table.append("</tr>\n");
        String items = "/ogc/collections/" + layer.id() + "/items/";
        for (JsonNode feature : features) {
            String id = feature.path("id").asText();
            table.append("<tr><td><a href=\"").append(items).append(escape(id)).append("?f=html\">").append(escape(id)).append("</a></td>");
            for (Attribute attribute : layer.attributes()) {
                JsonNode value = feature.path("properties").path(attribute.name());
                String text = value.isNull() || value.isMissingNode() ? "" : value.asText();
                String shown = attribute.allowedValue(text).map(v -> v.label().ja()).orElse(text);
                table.append("<td>").append(escape(shown)).append("</td>");
            }
            table.append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** An SVG of the shapes, fitted to their extent (x first, so CRS84 or projected output). */
    private static String preview(List<JsonNode> features) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        features.forEach(f -> extend(f.path("geometry").path("coordinates"), box));
        if (box[0] > box[2]) {
            return "";
        }
        double width = Math.max(box[2] - box[0], 1e-9);
        double height = Math.max(box[3] - box[1], 1e-9);
        double scale = Math.min((PREVIEW_WIDTH - 20) / width, (PREVIEW_HEIGHT - 20) / height);
        StringBuilder svg = new StringBuilder("<svg class=\"preview\" width=\"" + PREVIEW_WIDTH + "\" height=\"" + PREVIEW_HEIGHT
                + "\" viewBox=\"0 0 " + PREVIEW_WIDTH + " " + PREVIEW_HEIGHT + "\" role=\"img\" aria-label=\"形状の概観 (Preview of the shapes)\">\n");
        for (JsonNode feature : features) {
            JsonNode geometry = feature.path("geometry");
            String type = geometry.path("type").asText();
            if (type.endsWith("Point")) {
                points(geometry.path("coordinates"), type.startsWith("Multi") ? 1 : 0).forEach(p -> svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", 10 + (p[0] - box[0]) * scale, PREVIEW_HEIGHT - 10 - (p[1] - box[1]) * scale)));
            } else {
                StringBuilder d = new StringBuilder();
                int depth = type.startsWith("Multi") ? (type.endsWith("Polygon") ? 2 : 1) : (type.endsWith("Polygon") ? 1 : 0);
                lines(geometry.path("coordinates"), depth).forEach(line -> {
                    for (int i = 0; i < line.size(); i++) {
                        double[] p = line.get(i);
                        d.append(String.format(Locale.ROOT, "%s%.1f %.1f ", i == 0 ? "M" : "L",
                                10 + (p[0] - box[0]) * scale, PREVIEW_HEIGHT - 10 - (p[1] - box[1]) * scale));
                    }
                });
                svg.append("<path class=\"").append(type.endsWith("Polygon") ? "area" : "line").append("\" d=\"").append(d).append("\"/>");
            }
        }
        return svg.append("\n</svg>\n").toString();
    }

    private static void extend(JsonNode coordinates, double[] box) {
        if (coordinates.isArray() && !coordinates.isEmpty() && coordinates.get(0).isNumber()) {
            box[0] = Math.min(box[0], coordinates.get(0).asDouble());
            box[1] = Math.min(box[1], coordinates.get(1).asDouble());
            box[2] = Math.max(box[2], coordinates.get(0).asDouble());
            box[3] = Math.max(box[3], coordinates.get(1).asDouble());
        } else if (coordinates.isArray()) {
            coordinates.forEach(c -> extend(c, box));
        }
    }

    private static List<double[]> points(JsonNode coordinates, int depth) {
        List<double[]> points = new ArrayList<>();
        if (depth == 0) {
            points.add(new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()});
        } else {
            coordinates.forEach(c -> points.addAll(points(c, depth - 1)));
        }
        return points;
    }

    private static List<List<double[]>> lines(JsonNode coordinates, int depth) {
        List<List<double[]>> lines = new ArrayList<>();
        if (depth == 0) {
            lines.add(points(coordinates, 1));
        } else {
            coordinates.forEach(c -> lines.addAll(lines(c, depth - 1)));
        }
        return lines;
    }

    /** A whole page in the OGC API's frame: title, the layer's description with its downloads, then the body. */
    static String page(String title, Layer layer, String body) {
        StringBuilder downloads = new StringBuilder("ダウンロード (Downloads):");
        DownloadLinks.of(layer).forEach(d -> downloads.append(" <a href=\"").append(escape(d.href())).append("\">")
                .append(escape(d.label())).append("</a>"));
        return OgcHtml.page(title, OgcHtml.collectionIntro(layer.description(), layer.licence().title(), layer.licence().url(), List.of(downloads.toString())), body);
    }
}
