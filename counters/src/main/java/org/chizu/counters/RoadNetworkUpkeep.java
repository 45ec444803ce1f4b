package org.chizu.counters;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the road network in step with the roads layer: builds it once the application is ready and
 * rebuilds it {@code chizu.counters.rebuild-delay} after the last change of the roads that any
 * process announces (an edit, an import), so that many changes in a row cause one rebuild.
 */
@Component
@BackgroundWork
public class RoadNetworkUpkeep implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoadNetworkUpkeep.class);

    private final RoadNetwork network;
    private final CountersProperties properties;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("counters-road-network").daemon().factory());
    private ScheduledFuture<?> pending;

    public RoadNetworkUpkeep(RoadNetwork network, CountersProperties properties) {
        this.network = network;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void buildOnStart() {
        rebuildSoon();
    }

    @EventListener
    public void roadsChanged(LayerDataChanged change) {
        if (RoadNetwork.ROADS.equals(change.layerId())) {
            rebuildSoon();
        }
    }

    private synchronized void rebuildSoon() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = worker.schedule(this::rebuild, properties.rebuildDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rebuild() {
        try {
            network.rebuild();
        } catch (RuntimeException e) {
            log.error("counters: rebuilding the road network failed; the previous network stays", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
