package org.chizu.opendata.download;

import java.time.Instant;
import java.util.Optional;

import org.chizu.gis.layer.Layer;
import org.chizu.opendata.BuiltFile;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.query.FeatureQuery;
import org.springframework.stereotype.Component;

/**
 * The facts of the files {@code /data/{layer}.{extension}} serves without parameters (the whole
 * layer in JGD2011, current version), for catalogs that describe those downloads. Never builds.
 */
@Component
public class WholeLayerFiles {

    private final BuiltDownloads built;

    WholeLayerFiles(BuiltDownloads built) {
        this.built = built;
    }

    /**
     * The size and SHA-256 of the layer's download of one version in the format. The caller names
     * the version (a catalog knows each layer's current one), so asking costs no query.
     *
     * @return empty for a streamed format (its length is known only once written) and while the
     *         file is not built yet: it is built by the first download of that version, not by asking
     */
    public Optional<BuiltFile> atVersion(Layer layer, Instant version, DownloadFormat format) {
        if (!format.builtAhead()) {
            return Optional.empty();
        }
        return built.facts(format, FeatureQuery.wholeLayer(layer).asOf(version));
    }

    /** How many files have been built so far: facts read before it last grew may have changed. */
    public long filesBuilt() {
        return built.filesBuilt();
    }
}
