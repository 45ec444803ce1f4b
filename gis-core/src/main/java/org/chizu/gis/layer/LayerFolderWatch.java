package org.chizu.gis.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chizu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reloads the registry when a file in the town's folder ({@code chizu.layers.directory}) is added,
 * changed or removed, and tells the other processes to reload too.
 *
 * <p>It looks at the folder's file names, sizes and modification times every
 * {@code chizu.layers.poll-interval} rather than using a {@link java.nio.file.WatchService}: a look
 * costs one directory listing, works the same on network and container mounts (where file events
 * are often not delivered), and "the same at two looks in a row" is the debounce that keeps a file
 * still being written from being read. A change that is refused (logged) is read again at the
 * folder's next change. Commands do not watch.
 */
@Component
@BackgroundWork
class LayerFolderWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LayerFolderWatch.class);

    /** What a look at the folder saw: each file's name, size and modification time. */
    private record Look(List<String> files) {
    }

    private final LayerDeclarations declarations;
    private final LayerRegistry registry;
    private final LayerProperties properties;
    private ScheduledExecutorService looker;
    private Look loaded;
    private Look previous;

    LayerFolderWatch(LayerDeclarations declarations, LayerRegistry registry, LayerProperties properties) {
        this.declarations = declarations;
        this.registry = registry;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (properties.directory() == null) {
            return;
        }
        loaded = look();
        previous = loaded;
        looker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("chizu-layer-folder").daemon().factory());
        long every = properties.pollInterval().toMillis();
        looker.scheduleWithFixedDelay(this::lookAgain, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (looker != null) {
            looker.shutdownNow();
            looker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return looker != null;
    }

    private void lookAgain() {
        try {
            Look now = look();
            boolean settled = now.equals(previous);
            previous = now;
            if (settled && !now.equals(loaded)) {
                loaded = now;
                log.info("layer folder {} changed; reloading the layer declarations", properties.directory());
                if (registry.reload()) {
                    registry.announceReload();
                }
            }
        } catch (RuntimeException e) {
            log.error("cannot look at the layer folder {}", properties.directory(), e);
        }
    }

    private Look look() {
        List<String> files = new ArrayList<>();
        try {
            for (Path file : declarations.folderFiles()) {
                files.add(file.getFileName() + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            }
        } catch (IOException e) {
            // A file removed between listing and reading differs from the last look anyway.
            files.add("unreadable " + Objects.toString(e.getMessage()));
        }
        return new Look(files);
    }
}
