package org.chizu.forestry.testing;

import java.nio.file.Path;

/** The project's real LAS/LAZ/COPC files ({@code ../shared/data/lidar}, or under {@code $CHIZU_SHARED_DATA}). */
public final class SharedLidar {

    private SharedLidar() {
    }

    /** One of them, by name, found from a module's folder as Maven runs its tests. */
    public static Path file(String name) {
        String configured = System.getenv("CHIZU_SHARED_DATA");
        return (configured != null ? Path.of(configured) : Path.of("..", "..", "shared", "data"))
                .resolve("lidar").resolve(name).toAbsolutePath().normalize();
    }
}
