package org.chizu.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The datasets other modules contribute through {@link CatalogContributor}, asked afresh on each
 * use so that a survey ingested a moment ago is listed at once.
 */
@Service
public class ContributedDatasets {

    private final List<CatalogContributor> contributors;
    private final CatalogEntries layers;

    ContributedDatasets(List<CatalogContributor> contributors, CatalogEntries layers) {
        this.contributors = List.copyOf(contributors);
        this.layers = layers;
    }

    /**
     * Every contributed dataset, contributor by contributor.
     *
     * @throws IllegalStateException when two datasets, or a dataset and a public layer, share an id
     */
    public List<ContributedDataset> all() {
        List<ContributedDataset> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CatalogContributor contributor : contributors) {
            for (ContributedDataset dataset : contributor.datasets()) {
                if (!ids.add(dataset.id()) || layers.contains(dataset.id())) {
                    throw new IllegalStateException("two catalog datasets are named " + dataset.id());
                }
                all.add(dataset);
            }
        }
        return all;
    }

    public Optional<ContributedDataset> find(String id) {
        return all().stream().filter(dataset -> dataset.id().equals(id)).findFirst();
    }
}
