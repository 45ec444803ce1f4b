package org.chizu.platform.ogc;

import static org.chizu.platform.web.OgcHtml.escape;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chizu.platform.web.OgcHtml;

/**
 * The root's pages for people, drawn from the very documents its JSON encoding writes. A link to
 * another resource of the API is its plain URL (a browser's Accept gets the page); each page links
 * its JSON form as {@code rel="alternate"}.
 */
final class OgcRootHtml {

    /** Links the page shows elsewhere, or that lead back to the page itself. */
    private static final Set<String> NOT_LISTED = Set.of("self", "alternate", "license");

    private OgcRootHtml() {
    }

    static String landingPage(OgcApiRoot.LandingPage page) {
        String body = "<p>" + escape(page.description()) + "</p>\n" + list(page.links()) + json(page.links());
        return OgcHtml.page("Chizu 地図 OGC API", "", body);
    }

    static String conformance(OgcApiRoot.Conformance conformance) {
        StringBuilder body = new StringBuilder("<ul>\n");
        conformance.conformsTo().forEach(uri -> body.append("<li>").append(escape(uri)).append("</li>\n"));
        return OgcHtml.page("適合クラス (Conformance classes)", "", body.append("</ul>\n").append(json(conformance.links())).toString());
    }

    static String collections(OgcApiRoot.Collections collections) {
        StringBuilder body = new StringBuilder("<ul>\n");
        collections.collections().forEach(c -> body.append("<li>").append(anchor(self(c.links()).href(), c.title()))
                .append("<br><small>").append(escape(c.description())).append("</small></li>\n"));
        return OgcHtml.page("コレクション (Collections)", "", body.append("</ul>\n").append(json(collections.links())).toString());
    }

    static String collection(OgcCollection found, OgcApiRoot.Collection collection) {
        String intro = OgcHtml.collectionIntro(found.description(), found.licenceTitle(), found.licenceUrl(), List.of());
        return OgcHtml.page(collection.title(), intro, list(collection.links()) + json(collection.links()));
    }

    /** Every operation of the OpenAPI document: path, operationId and summary. */
    @SuppressWarnings("unchecked")
    static String api(Map<String, Object> document) {
        StringBuilder body = new StringBuilder("<p><a rel=\"alternate service-desc\" type=\"" + escape(OgcApiRoot.OPENAPI)
                + "\" href=\"/ogc/api\">OpenAPI 3.0 (JSON)</a></p>\n<table>\n<tr><th>パス<br><small>Path</small></th>"
                + "<th>操作<br><small>operationId</small></th><th>内容<br><small>What</small></th></tr>\n");
        ((Map<String, Object>) document.get("paths")).forEach((path, item) -> {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) item).get("get");
            body.append("<tr><td><code>/ogc").append(escape(path)).append("</code></td><td>").append(escape((String) get.get("operationId")))
                    .append("</td><td>").append(escape((String) get.get("summary"))).append("</td></tr>\n");
        });
        return OgcHtml.page("API説明 (API documentation)", "", body.append("</table>\n").toString());
    }

    private static String list(List<OgcLink> links) {
        StringBuilder list = new StringBuilder("<ul>\n");
        links.stream().filter(link -> !NOT_LISTED.contains(link.rel()) && !Boolean.TRUE.equals(link.templated()))
                .forEach(link -> list.append("<li>").append(anchor(link.href(), link.title() == null ? link.href() : link.title()))
                        .append(link.type() == null ? "" : " <small>" + escape(link.type()) + "</small>").append("</li>\n"));
        return list.append("</ul>\n").toString();
    }

    /** The link to the JSON form: the document's self link, asked for as {@code f=json} so a browser gets JSON too. */
    private static String json(List<OgcLink> links) {
        OgcLink self = self(links);
        return "<nav><a rel=\"alternate\" type=\"" + escape(self.type()) + "\" href=\"" + escape(self.href() + "?f=json")
                + "\">JSON</a></nav>\n";
    }

    private static OgcLink self(List<OgcLink> links) {
        return links.stream().filter(link -> link.rel().equals("self")).findFirst().orElseThrow();
    }

    private static String anchor(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }
}
