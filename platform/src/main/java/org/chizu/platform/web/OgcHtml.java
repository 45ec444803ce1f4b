package org.chizu.platform.web;

import java.util.List;

import org.chizu.platform.Label;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame of every HTML page of the OGC API ({@code f=html}), whichever part serves it (Features in
 * open-data, Tiles in tile-server): one look, Japanese first with English beside it, readable on a
 * phone, with the way back to the landing page and the collections.
 */
public final class OgcHtml {

    /** The pages' media type, for {@code produces} attributes, which need a constant. */
    public static final String MEDIA_TYPE_VALUE = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(MEDIA_TYPE_VALUE);

    private OgcHtml() {
    }

    /**
     * A whole page.
     *
     * @param title shown as the page's title and heading; escaped here
     * @param intro HTML between heading and body (a layer's {@link #layerIntro}), or empty
     * @param body  the page's own HTML, already escaped
     */
    public static String page(String title, String intro, String body) {
        return """
                <!DOCTYPE html>
                <html lang="ja">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/platform/ogc.css"></head>
                <body>
                <p><a href="/ogc?f=html">Chizu 地図 OGC API</a> › <a href="/ogc/collections?f=html">コレクション (Collections)</a></p>
                <h1>%s</h1>
                """.formatted(escape(title), escape(title)) + intro + body + "</body>\n</html>\n";
    }

    /**
     * A collection's description, then one line with the web map, the given links (HTML, already
     * escaped) and the licence.
     */
    public static String collectionIntro(Label description, Label licenceTitle, String licenceUrl, List<String> links) {
        StringBuilder intro = new StringBuilder("<p>").append(escape(description.ja())).append("<br><small>")
                .append(escape(description.en())).append("</small></p>\n<p><a href=\"/\">ウェブ地図で見る (Open the web map)</a>");
        links.forEach(link -> intro.append(" · ").append(link));
        return intro.append(" · <a href=\"").append(escape(licenceUrl)).append("\">")
                .append(escape(licenceTitle.ja())).append("</a></p>\n").toString();
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
