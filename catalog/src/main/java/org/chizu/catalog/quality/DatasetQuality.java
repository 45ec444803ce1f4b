package org.chizu.catalog.quality;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.rdf.model.Model;
import org.chizu.catalog.CatalogEntries;
import org.chizu.catalog.CatalogEntry;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.dcat.CatalogModel;
import org.chizu.opendata.download.WholeLayerFiles;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * A catalog entry's score, assessed on the DCAT description the catalog publishes for it, so
 * that the CKAN API and the dataset page show what harvesters measure. An assessment is kept until
 * what it rests on moves: the entry (its layer's data changed), a link check's result or a built
 * download's facts; so a search listing many packages does not describe each one anew.
 */
@Service
public class DatasetQuality {

    private final CatalogModel catalog;
    private final CatalogEntries entries;
    private final QualityAssessor assessor;
    private final CatalogUris uris;
    private final QualityProperties settings;
    private final LinkChecker links;
    private final WholeLayerFiles files;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(CatalogEntry entry, long checksDone, long filesBuilt, QualityAssessment assessment) {
    }

    DatasetQuality(CatalogModel catalog, CatalogEntries entries, QualityAssessor assessor, CatalogUris uris, QualityProperties settings,
            LinkChecker links, WholeLayerFiles files) {
        this.catalog = catalog;
        this.entries = entries;
        this.assessor = assessor;
        this.uris = uris;
        this.settings = settings;
        this.links = links;
        this.files = files;
    }

    public QualityAssessment of(CatalogEntry entry) {
        // Read before assessing: a result that lands meanwhile leaves the kept assessment stale, never fresh-looking.
        long checksDone = links.checksDone();
        long filesBuilt = files.filesBuilt();
        Kept previous = kept.get(entry.id());
        if (previous != null && previous.entry() == entry && previous.checksDone() == checksDone && previous.filesBuilt() == filesBuilt) {
            return previous.assessment();
        }
        Model model = catalog.dataset(entry);
        QualityAssessment assessment = assessor.assess(model.getResource(uris.dataset(entry.id())));
        kept.put(entry.id(), new Kept(entry, checksDone, filesBuilt, assessment));
        return assessment;
    }

    /** Describes every dataset once after start-up, in the background, so that its URLs get checked before anyone asks. */
    @EventListener(ApplicationReadyEvent.class)
    void checkLinksAtStart() {
        if (settings.checkLinks()) {
            Thread.ofVirtual().name("chizu-quality-start").start(() -> entries.all().forEach(this::of));
        }
    }
}
