package org.chizu.catalog.quality;

import org.apache.jena.rdf.model.Model;
import org.chizu.catalog.CatalogEntries;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.dcat.CatalogModel;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A catalog entry's score, assessed on the DCAT description the catalog publishes for it, so
 * that the CKAN API and the dataset page show what harvesters measure.
 */
@Service
public class DatasetQuality {

    private final CatalogModel catalog;
    private final CatalogEntries entries;
    private final QualityAssessor assessor;
    private final CatalogUris uris;
    private final QualityProperties settings;

    DatasetQuality(CatalogModel catalog, CatalogEntries entries, QualityAssessor assessor, CatalogUris uris, QualityProperties settings) {
        this.catalog = catalog;
        this.entries = entries;
        this.assessor = assessor;
        this.uris = uris;
        this.settings = settings;
    }

    public QualityAssessment of(CatalogEntry entry) {
        Model model = catalog.dataset(entry);
        return assessor.assess(model.getResource(uris.dataset(entry.id())));
    }

    /** Describes every dataset once after start-up, in the background, so that its URLs get checked before anyone asks. */
    @EventListener(ApplicationReadyEvent.class)
    void checkLinksAtStart() {
        if (settings.checkLinks()) {
            Thread.ofVirtual().name("chizu-quality-start").start(() -> entries.all().forEach(this::of));
        }
    }
}
