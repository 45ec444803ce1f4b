package org.chizu.catalog.dcat;

import java.util.List;

import org.chizu.catalog.CatalogUris;
import org.chizu.platform.ogc.OgcApiPart;
import org.chizu.platform.ogc.OgcLink;
import org.springframework.stereotype.Component;

/** The way from the OGC API's landing page to the catalogue: its page for people and its DCAT. Implements no conformance class. */
@Component
class CatalogLinksPart implements OgcApiPart {

    private final CatalogUris uris;

    CatalogLinksPart(CatalogUris uris) {
        this.uris = uris;
    }

    @Override
    public List<String> conformsTo() {
        return List.of();
    }

    @Override
    public List<OgcLink> landingLinks(String apiRoot) {
        return List.of(
                OgcLink.of(uris.datasetsPage(), "describedby", "text/html", "データセット一覧 (Dataset catalogue)"),
                OgcLink.of(uris.catalog(), "describedby", "text/turtle", "DCAT-AP カタログ (DCAT-AP catalog)"));
    }
}
