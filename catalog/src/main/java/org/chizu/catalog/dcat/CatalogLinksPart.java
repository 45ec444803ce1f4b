package org.chizu.catalog.dcat;

import java.util.List;

import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcLink;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.stereotype.Component;

/**
 * The way from the OGC API's landing page to the catalogue: its page for people and its DCAT. Implements
 * no conformance class. These are links for the visitor, so they are on the address the visitor is
 * given, like the landing page's own; the catalog's identifiers stay on its configured base URL.
 */
@Component
class CatalogLinksPart implements OgcApiPart {

    private final PublicBaseUrl site;

    CatalogLinksPart(PublicBaseUrl site) {
        this.site = site;
    }

    @Override
    public List<String> conformsTo() {
        return List.of();
    }

    @Override
    public List<OgcLink> landingLinks(String apiRoot) {
        return List.of(
                OgcLink.of(site.current() + "/datasets", "describedby", "text/html", "データセット一覧 (Dataset catalogue)"),
                OgcLink.of(site.current() + "/catalog", "describedby", "text/turtle", "DCAT-AP カタログ (DCAT-AP catalog)"));
    }
}
