package org.chizu.catalog.quality;

import org.chizu.catalog.CatalogEntries;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.dcat.CatalogModel;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
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
    private final CatalogEntries entries;
    private final QualityMeasurements measurements;
    private final QualityProperties settings;

    DatasetQuality(CatalogModel catalog, CatalogEntries entries, QualityMeasurements measurements, QualityProperties settings) {
        this.catalog = catalog;
        this.entries = entries;
        this.measurements = measurements;
        this.settings = settings;
    }

    public QualityAssessment of(CatalogEntry entry) {
        return measurements.kept(entry).orElseGet(() -> catalog.quality(entry));
    }

    /**
     * Describes every dataset once after a server's start-up, in the background, so that its URLs get
     * checked before anyone asks. A command ({@code ./chizu user …}) has no server, and ends before
     * the checks would: they would only fail on its closed connection pool.
     */
    @EventListener
    void checkLinksAtStart(ApplicationReadyEvent event) {
        if (settings.checkLinks() && event.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread.ofVirtual().name("chizu-quality-start").start(() -> entries.all().forEach(this::of));
        }
    }
}
