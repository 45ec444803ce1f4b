package org.chizu.catalog.quality;

import org.chizu.catalog.CatalogEntries;
import org.chizu.platform.BackgroundWork;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Describes every dataset once after a server's start-up, in the background, so that its URLs get
 * checked before anyone asks.
 */
@Component
@BackgroundWork
class LinkChecksAtStart {

    private final DatasetQuality quality;
    private final CatalogEntries entries;
    private final QualityProperties settings;

    LinkChecksAtStart(DatasetQuality quality, CatalogEntries entries, QualityProperties settings) {
        this.quality = quality;
        this.entries = entries;
        this.settings = settings;
    }

    @EventListener
    void checkLinks(ApplicationReadyEvent event) {
        if (settings.checkLinks() && event.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread.ofVirtual().name("chizu-quality-start").start(() -> entries.all().forEach(quality::of));
        }
    }
}
