package org.chizu.app.boundaries;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chizu's Maven modules and what each of them publishes: the one place that decides which packages
 * of a module the others may use.
 *
 * <p>The rule: a module's published API is its root package ({@code org.chizu.opendata}) plus the
 * sub-packages listed here; everything else is internal to it. {@code platform}, the GIS-free kernel
 * every module builds on, publishes all its packages. A package named {@code internal} is never
 * published. Packages are matched exactly, so {@code gis.layer} does not publish {@code gis.layer.changes}.
 */
enum ChizuModule {
    PLATFORM("platform", "platform", true),
    GIS_CORE("gis-core", "gis", false, "layer", "layer.changes", "crs", "imports", "postgis", "municipalities"),
    ACCOUNTS("accounts", "accounts", false),
    TILE_SERVER("tile-server", "tiles", false),
    OPEN_DATA("open-data", "opendata", false),
    CATALOG("catalog", "catalog", false),
    WEBMAP("webmap", "webmap", false),
    SAMPLE_TOWN("sample-town", "sample", false),
    SAFETY("safety", "safety", false),
    REPORTS("reports", "reports", false),
    SENSORS("sensors", "sensors", false),
    BOOKING("booking", "booking", false),
    FORESTRY("forestry", "forestry", false, "laser", "products", "trees", "synthetic"),
    COUNTERS("counters", "counters", false),
    APP("app", "app", false);

    /** The Maven module's folder under the project root. */
    final String directory;
    /** The module's root package, e.g. {@code org.chizu.opendata}. */
    final String rootPackage;
    private final boolean publishesEverything;
    private final Set<String> publishedPackages;

    ChizuModule(String directory, String name, boolean publishesEverything, String... publishedSubPackages) {
        this.directory = directory;
        this.rootPackage = "org.chizu." + name;
        this.publishesEverything = publishesEverything;
        this.publishedPackages = Arrays.stream(publishedSubPackages).map(sub -> rootPackage + "." + sub)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The module a package belongs to, or empty for a package outside {@code org.chizu.<module>}. */
    static Optional<ChizuModule> owning(String packageName) {
        return Arrays.stream(values())
                .filter(module -> packageName.equals(module.rootPackage) || packageName.startsWith(module.rootPackage + "."))
                .findFirst();
    }

    static Optional<ChizuModule> inDirectory(String directory) {
        return Arrays.stream(values()).filter(module -> module.directory.equals(directory)).findFirst();
    }

    /** Whether other modules may use the classes of this package (one of this module's). */
    boolean publishes(String packageName) {
        boolean internal = (packageName + ".").contains(".internal.");
        return !internal && (publishesEverything || packageName.equals(rootPackage) || publishedPackages.contains(packageName));
    }
}
