package org.chizu.catalog.quality;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chizu.catalog.CatalogUris;
import org.chizu.gis.layer.LayerDataChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks in the background that the URLs the catalog publishes answer, and remembers the last
 * answer per URL. Requests never run on a catalog request: a dataset's URLs are checked soon after
 * they are first seen, again after its layer's data changed, and all of them every
 * {@code check-interval}, one at a time on one thread (a town's catalog is small).
 *
 * <p>Downloads are requested with {@code GET} and {@code Range: bytes=0-0}, so that built files
 * send one byte and the download counter, which skips partial requests, does not count the checks.
 */
@Component
public class LinkChecker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LinkChecker.class);

    private final QualityProperties settings;
    private final CatalogUris uris;
    private final HttpClient http;
    private final ScheduledExecutorService worker;
    private final Map<String, UrlCheck> checks = new ConcurrentHashMap<>();
    /** The URLs of each dataset, by the dataset's URI, as last seen in its DCAT description. */
    private final Map<String, Set<String>> urlsByDataset = new ConcurrentHashMap<>();
    /** Datasets queued for a check and not yet started, so that a burst of changes queues one check. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicLong checksDone = new AtomicLong();

    LinkChecker(QualityProperties settings, CatalogUris uris) {
        this.settings = settings;
        this.uris = uris;
        this.http = HttpClient.newBuilder().connectTimeout(settings.checkTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chizu-link-check");
            thread.setDaemon(true);
            return thread;
        });
        if (settings.checkLinks()) {
            long interval = settings.checkInterval().toMillis();
            worker.scheduleWithFixedDelay(() -> urlsByDataset.keySet().forEach(this::queue), interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** How many checks have completed: results read before it last grew may have changed. */
    public long checksDone() {
        return checksDone.get();
    }

    /** The last check of a URL; empty until its first check has completed (or when checks are off). */
    public Optional<UrlCheck> lastCheck(String url) {
        return Optional.ofNullable(checks.get(url));
    }

    /**
     * Notes the URLs a dataset's description links to. A dataset seen for the first time, or
     * whose URLs changed, is queued for a check; otherwise nothing happens.
     */
    public void watch(String datasetUri, Set<String> urls) {
        if (!settings.checkLinks()) {
            return;
        }
        Set<String> previous = urlsByDataset.put(datasetUri, Set.copyOf(urls));
        if (!urls.equals(previous)) {
            queue(datasetUri);
        }
    }

    @EventListener
    void dataChanged(LayerDataChanged change) {
        String dataset = uris.dataset(change.layerId());
        if (urlsByDataset.containsKey(dataset)) {
            queue(dataset);
        }
    }

    private void queue(String datasetUri) {
        if (queued.add(datasetUri)) {
            worker.execute(() -> {
                queued.remove(datasetUri);
                urlsByDataset.getOrDefault(datasetUri, Set.of()).forEach(url -> {
                    checks.put(url, check(url));
                    checksDone.incrementAndGet();
                });
            });
        }
    }

    private UrlCheck check(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.checkTimeout())
                    .header("Range", "bytes=0-0").header("User-Agent", "Chizu link check").GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new UrlCheck(url, status, null, Instant.now());
        } catch (IOException | IllegalArgumentException e) {
            log.debug("link check of {} failed: {}", url, e.toString());
            return new UrlCheck(url, 0, e.toString(), Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UrlCheck(url, 0, "interrupted", Instant.now());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
