package org.chizu.catalog;

import java.util.List;

/**
 * The catalog's extension point for datasets that are not layers: a module implements it as a
 * Spring bean and the catalog lists what it returns beside the layers, in DCAT (pages, the whole
 * catalog, each dataset's document), the CKAN API and the SPARQL endpoint. The module keeps its own
 * data and says what to publish; the catalog neither reads the module's tables nor is written by it.
 *
 * <p>Called on every catalog request, so an implementation should answer from a few set-based queries.
 */
public interface CatalogContributor {

    /** The datasets to list now, in the order to list them; ids unique across the whole catalog. */
    List<ContributedDataset> datasets();
}
