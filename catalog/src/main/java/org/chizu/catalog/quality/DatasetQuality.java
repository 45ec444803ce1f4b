package org.chizu.catalog.quality;

import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.dcat.CatalogModel;
import org.springframework.stereotype.Service;

/**
 * A catalog entry's score, assessed on the DCAT description the catalog publishes for it, so
 * that the CKAN API and the dataset page show what harvesters measure. The assessment is the one
 * {@link QualityMeasurements} keeps while what it rests on has not moved; so a search listing many
 * packages does not describe each one anew.
 */
@Service
public class DatasetQuality {

    private final CatalogModel catalog;
    private final QualityMeasurements measurements;

    DatasetQuality(CatalogModel catalog, QualityMeasurements measurements) {
        this.catalog = catalog;
        this.measurements = measurements;
    }

    public QualityAssessment of(CatalogEntry entry) {
        return measurements.kept(entry).orElseGet(() -> catalog.quality(entry));
    }
}
