package org.chizu.tiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayersChanged;
import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the generalised tables of the declared layers ({@code tiles.generalize}) in step with their
 * data. At start-up a missing table, or one built by another declaration, is built before tiles are
 * served; an existing one is rebuilt in the background, as changes made while no server listened
 * were not heard.
 *
 * <p>After a {@link LayerDataChanged} the layer's tables are rebuilt by one background worker, once
 * the layer has been quiet for {@link #QUIET} (an import of many features causes one rebuild), and
 * then the layer's cached tiles at the generalised zooms are dropped. Until a rebuild finishes, those
 * zooms show the previous generalisation: the staleness window is the quiet time plus the build.
 * A rebuild that fails (the database away, a lock timeout) is tried again after
 * {@code chizu.tiles.generalize-retry}. Servers keep the tables; commands leave them alone.
 */
@Component
@BackgroundWork
class Generalizations implements SmartLifecycle {

    static final Duration QUIET = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(Generalizations.class);

    /** The generalised tables of each layer that declares some, following the registry. */
    private final Map<String, List<GeneralizedTable>> byLayer = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TileCache cache;
    private final Duration retry;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chizu-generalize").daemon().factory());
    private volatile boolean running;

    Generalizations(LayerRegistry registry, JdbcTemplate jdbc, TransactionTemplate transaction, TileCache cache,
            TileProperties properties) {
        registry.all().stream().filter(Generalizations::generalizes).forEach(layer -> byLayer.put(layer.id(), tablesOf(layer)));
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cache = cache;
        this.retry = properties.generalizeRetry();
    }

    @Override
    public synchronized void start() {
        running = true;
        byLayer.forEach((layerId, tables) -> {
            boolean current = tables.stream().allMatch(t -> t.isCurrent(jdbc));
            if (current) {
                schedule(layerId);
            } else {
                rebuild(layerId);
            }
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        worker.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early, so that the tables exist before the web server (a late phase) serves tiles. */
    @Override
    public int getPhase() {
        return 0;
    }

    @EventListener
    void on(LayerDataChanged change) {
        if (running && byLayer.containsKey(change.layerId())) {
            schedule(change.layerId());
        }
    }

    /**
     * Follows a reload of the registry: a removed layer's tables are dropped, and a new or changed
     * layer's are built now when missing or built by another declaration (before its low zooms are
     * asked for, as at start-up), those its declaration no longer has dropped.
     */
    @EventListener
    synchronized void on(LayersChanged change) {
        if (!running) {
            return;
        }
        change.removed().forEach(layer -> forget(layer.id(), List.of()));
        change.declared().forEach(layer -> {
            List<GeneralizedTable> tables = generalizes(layer) ? tablesOf(layer) : List.of();
            forget(layer.id(), tables);
            if (!tables.isEmpty()) {
                byLayer.put(layer.id(), tables);
                if (!tables.stream().allMatch(table -> table.isCurrent(jdbc))) {
                    rebuildOrRetry(layer.id());
                }
            }
        });
    }

    /** Stops following the layer's tables, dropping those not among {@code kept}. */
    private void forget(String layerId, List<GeneralizedTable> kept) {
        Optional.ofNullable(pending.remove(layerId)).ifPresent(rebuild -> rebuild.cancel(false));
        List<GeneralizedTable> previous = Optional.ofNullable(byLayer.remove(layerId)).orElse(List.of());
        List<String> keptNames = kept.stream().map(GeneralizedTable::qualifiedName).toList();
        previous.stream().filter(table -> !keptNames.contains(table.qualifiedName())).forEach(table -> table.drop(jdbc));
    }

    private static boolean generalizes(Layer layer) {
        return !layer.tiles().generalize().isEmpty();
    }

    private static List<GeneralizedTable> tablesOf(Layer layer) {
        return layer.tiles().generalize().stream().map(g -> new GeneralizedTable(layer, g)).toList();
    }

    /** Rebuilds the layer's generalised tables now, in the caller's thread, and drops the tiles they feed. */
    void rebuild(String layerId) {
        List<GeneralizedTable> tables = byLayer.getOrDefault(layerId, List.of());
        long started = System.nanoTime();
        for (GeneralizedTable table : tables) {
            table.build(jdbc, transaction);
        }
        tables.stream().mapToInt(t -> t.generalization().upTo()).max().ifPresent(upTo ->
                cache.invalidateZoomsUpTo(tables.get(0).layer(), upTo));
        log.info("rebuilt the generalised tables of layer {} in {} ms", layerId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Rebuilds after {@link #QUIET}; a later change of the same layer within it postpones the rebuild. */
    private void schedule(String layerId) {
        schedule(layerId, QUIET);
    }

    private void schedule(String layerId, Duration delay) {
        pending.compute(layerId, (id, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return worker.schedule(() -> rebuildOrRetry(id), delay.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void rebuildOrRetry(String layerId) {
        try {
            rebuild(layerId);
        } catch (RuntimeException e) {
            log.error("cannot rebuild the generalised tables of layer {}; low zooms keep the previous ones and it is tried again in {} s",
                    layerId, retry.toSeconds(), e);
            if (running) {
                schedule(layerId, retry);
            }
        }
    }
}
