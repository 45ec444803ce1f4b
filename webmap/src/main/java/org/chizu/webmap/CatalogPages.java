package org.chizu.webmap;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The data catalogue for people: /datasets (search with facets) and /datasets/{id} (one dataset).
 * Both are static pages that read the catalog's CKAN API; the id is read from the address by the page.
 */
@Controller
class CatalogPages {

    @GetMapping("/datasets")
    String searchPage() {
        return "forward:/datasets.html";
    }

    @GetMapping("/datasets/{id:[A-Za-z0-9_-]+}")
    String datasetPage() {
        return "forward:/dataset.html";
    }
}
