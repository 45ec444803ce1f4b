package org.chizu.opendata.download;

import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.chizu.opendata.query.FeatureQuery;
import org.chizu.opendata.version.LayerVersion;
import org.chizu.opendata.version.LayerVersions;
import org.springframework.stereotype.Component;

/**
 * The facts of the files {@code /data/{layer}.{extension}} serves without parameters (the whole
 * layer in JGD2011, current version), for catalogs that describe those downloads. Never builds.
 */
@Component
public class WholeLayerFiles {

    private final LayerVersions versions;
    private final BuiltDownloads built;

    WholeLayerFiles(LayerVersions versions, BuiltDownloads built) {
        this.versions = versions;
        this.built = built;
    }

    /**
     * The size and SHA-256 of the layer's current download in the format.
     *
     * @return empty for a streamed format (its length is known only once written), for a layer
     *         without a recorded version, and while the file is not built yet: it is built by the
     *         first download of the current version, not by asking
     */
    public Optional<BuiltFile> current(Layer layer, DownloadFormat format) {
        if (!format.builtAhead()) {
            return Optional.empty();
        }
        return versions.current(layer).map(LayerVersion::time)
                .flatMap(time -> built.facts(format, FeatureQuery.wholeLayer(layer).asOf(time)));
    }
}
