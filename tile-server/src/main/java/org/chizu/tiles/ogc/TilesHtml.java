package org.chizu.tiles.ogc;

import static org.chizu.platform.web.OgcHtml.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chizu.gis.layer.Attribute;
import org.chizu.gis.layer.Layer;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.tiles.VectorLayer;
import org.chizu.tiles.ogc.OgcTilesController.TileMatrixSets;
import org.chizu.tiles.ogc.OgcTilesController.TilesetMetadata;
import org.chizu.tiles.ogc.OgcTilesController.Tilesets;
import org.chizu.platform.web.OgcHtml;

/**
 * The HTML encoding of OGC API – Tiles ({@code f=html}): pages for people, drawn from the very
 * documents the JSON encoding writes, in the OGC API's shared frame. Each page links its JSON form
 * as {@code rel="alternate"}; the tileset's page has a small map of the data's extent.
 */
final class TilesHtml {

    private TilesHtml() {
    }

    static String tileMatrixSets(TileMatrixSets sets) {
        StringBuilder body = new StringBuilder("<ul>\n");
        sets.tileMatrixSets().forEach(set -> body.append("<li>").append(anchor(set.links().getFirst().href() + "?f=html", set.id()))
                .append(" — ").append(escape(set.title())).append("<br><small>").append(escape(set.uri())).append("</small></li>\n"));
        body.append("</ul>\n");
        return OgcHtml.page("タイル行列セット (Tile matrix sets)", "", body + alternateJson(sets.links()));
    }

    static String tileMatrixSet(WebMercatorQuad.Definition definition) {
        StringBuilder body = new StringBuilder("<p>").append(escape(definition.title())).append("<br><small>")
                .append(escape(definition.uri())).append("</small></p>\n<p>座標参照系 (CRS): <code>")
                .append(escape(definition.crs())).append("</code></p>\n<table>\n<tr>").append(header("ズーム", "Zoom (tile matrix)")).append(header("タイル数", "Tiles (columns × rows)"))
                .append(header("縮尺分母", "Scale denominator")).append(header("画素の大きさ", "Cell size (m)")).append("</tr>\n");
        definition.tileMatrices().forEach(matrix -> body.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%,d × %,d</td><td>1 : %,.0f</td><td>%.4f</td></tr>%n", escape(matrix.id()),
                matrix.matrixWidth(), matrix.matrixHeight(), matrix.scaleDenominator(), matrix.cellSize())));
        body.append("</table>\n");
        return OgcHtml.page(definition.id() + " タイル行列セット (Tile matrix set)", "", body + alternateJson(definition.links()));
    }

    static String tilesets(Layer layer, Tilesets tilesets) {
        StringBuilder body = new StringBuilder("<ul>\n");
        tilesets.tilesets().forEach(tileset -> body.append("<li>").append(anchor(tileset.links().getFirst().href() + "?f=html",
                        tileset.title() + " — " + WebMercatorQuad.ID))
                .append("<br><small>ベクトルタイル (vector tiles), ").append(escape(tileset.crs())).append("</small></li>\n"));
        body.append("</ul>\n");
        return OgcHtml.page(layer.title().bilingual() + " — タイル (Tiles)", OgcHtml.collectionIntro(layer.description(), layer.licence().title(), layer.licence().url(), List.of()),
                body + alternateJson(tilesets.links()));
    }

    /** The tileset: zooms, extent, where its tiles are, what they carry, and a map of the extent. */
    static String tileset(Layer layer, TilesetMetadata tileset) {
        OgcTilesController.GeoDataLayer data = tileset.layers().getFirst();
        OgcLink tiles = link(tileset.links(), "item").orElseThrow();
        String tileJson = link(tileset.links(), "describedby").map(OgcLink::href).orElseThrow();
        StringBuilder body = new StringBuilder("<table>\n")
                .append(row("ズーム範囲", "Zoom range", escape(data.minTileMatrix()) + " – " + escape(data.maxTileMatrix())))
                .append(row("範囲", "Bounds (CRS84: west, south, east, north)", tileset.boundingBox() == null
                        ? "データがありません (No data yet)" : bounds(tileset.boundingBox())))
                .append(row("タイルのURL", "Tile URL template", "<code>" + escape(tiles.href()) + "</code>"))
                .append(row("形式", "Format", escape(tiles.type())))
                .append(row("タイル行列セット", "Tile matrix set",
                        anchor(link(tileset.links(), TilesPart.REL_TILING_SCHEME).orElseThrow().href() + "?f=html", WebMercatorQuad.ID)))
                .append("</table>\n")
                .append(attributes(layer, data))
                .append(preview(tileset.boundingBox()))
                .append("<nav>").append(alternate(tileset.links(), "JSON"))
                .append(" <a rel=\"describedby\" type=\"application/json\" href=\"").append(escape(tileJson)).append("\">TileJSON</a></nav>\n");
        String collection = "/ogc/collections/" + layer.id() + "?f=html";
        return OgcHtml.page(layer.title().bilingual() + " — " + WebMercatorQuad.ID,
                OgcHtml.collectionIntro(layer.description(), layer.licence().title(), layer.licence().url(), List.of(anchor(collection, "コレクション (Collection)"))), body.toString());
    }

    /** The properties each tile's features carry, with the labels people know them by. */
    private static String attributes(Layer layer, OgcTilesController.GeoDataLayer data) {
        Map<String, Attribute> declared = layer.attributes().stream().collect(Collectors.toMap(Attribute::name, Function.identity()));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> properties = (Map<String, Map<String, String>>) data.propertiesSchema().get("properties");
        StringBuilder table = new StringBuilder("<h2>属性 (Properties)</h2>\n<table>\n<tr>")
                .append(header("項目", "Label")).append(header("名前", "Name")).append(header("型", "Type")).append("</tr>\n");
        properties.forEach((name, schema) -> {
            Attribute attribute = declared.get(name);
            table.append("<tr><td>").append(attribute == null ? "" : escape(attribute.label().ja()) + "<br><small>"
                            + escape(attribute.label().en()) + "</small>")
                    .append("</td><td><code>").append(escape(name)).append("</code></td><td>").append(escape(schema.get("type")))
                    .append("</td></tr>\n");
        });
        return table.append("</table>\n").toString();
    }

    /** A map of the extent over GSI's pale map, drawn by /ogc-tiles/preview.js; nothing while the layer has no data. */
    private static String preview(OgcTilesController.BoundingBox box) {
        if (box == null) {
            return "";
        }
        return """
                <h2>プレビュー (Preview)</h2>
                <link rel="stylesheet" href="/webjars/leaflet/dist/leaflet.css">
                <div id="tileset-preview" class="map" data-bounds="%s" role="img" aria-label="データの範囲 (Extent of the data)"></div>
                <script src="/webjars/leaflet/dist/leaflet.js"></script>
                <script src="/ogc-tiles/preview.js"></script>
                """.formatted(String.format(Locale.ROOT, "%s,%s,%s,%s",
                box.lowerLeft()[0], box.lowerLeft()[1], box.upperRight()[0], box.upperRight()[1]));
    }

    private static String bounds(OgcTilesController.BoundingBox box) {
        return String.format(Locale.ROOT, "%.5f, %.5f, %.5f, %.5f",
                box.lowerLeft()[0], box.lowerLeft()[1], box.upperRight()[0], box.upperRight()[1]);
    }

    private static String alternateJson(List<OgcLink> links) {
        return "<nav>" + alternate(links, "JSON") + "</nav>\n";
    }

    /** The link to the JSON form: the document's self link, asked for as {@code f=json} so a browser gets JSON too. */
    private static String alternate(List<OgcLink> links, String text) {
        OgcLink self = link(links, "self").orElseThrow();
        return "<a rel=\"alternate\" type=\"" + escape(self.type()) + "\" href=\"" + escape(self.href() + "?f=json") + "\">" + text + "</a>";
    }

    private static Optional<OgcLink> link(List<OgcLink> links, String rel) {
        return links.stream().filter(link -> link.rel().equals(rel)).findFirst();
    }

    private static String row(String ja, String en, String html) {
        return "<tr>" + header(ja, en) + "<td>" + html + "</td></tr>\n";
    }

    private static String header(String ja, String en) {
        return "<th>" + escape(ja) + "<br><small>" + escape(en) + "</small></th>";
    }

    private static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }
}
