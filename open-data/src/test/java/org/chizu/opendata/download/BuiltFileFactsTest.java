package org.chizu.opendata.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.opendata.BuiltFile;
import org.chizu.opendata.DownloadFormat;
import org.chizu.opendata.version.LayerVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What a catalog may learn of a built download without building it: its size and its kept SHA-256. */
class BuiltFileFactsTest extends RunningServer {

    @Autowired
    private WholeLayerFiles files;

    @Autowired
    private LayerRegistry registry;

    @Autowired
    private LayerVersions versions;

    @Value("${chizu.open-data.downloads}")
    private Path downloads;

    @Test
    void aFileIsKnownOnlyOnceDownloadedWithTheSizeAndSha256OfTheBytesServed() throws Exception {
        Layer roads = registry.find("roads").orElseThrow();
        Instant current = currentVersion(roads);
        assertThat(files.atVersion(roads, current, DownloadFormat.GEOPACKAGE)).as("before anyone downloaded it").isEmpty();
        assertThat(downloads.resolve("roads")).as("asking built nothing").doesNotExist();

        byte[] served = get("/data/roads.gpkg").body();

        BuiltFile built = files.atVersion(roads, current, DownloadFormat.GEOPACKAGE).orElseThrow();
        assertThat(built.size()).isEqualTo(served.length);
        assertThat(built.sha256()).isEqualTo(sha256(served));
        Path checksum = only(downloads.resolve("roads"), ".sha256");
        assertThat(Files.readString(checksum)).as("sha256sum's format, naming the file beside it")
                .isEqualTo(sha256(served) + "  " + checksum.getFileName().toString().replace(".sha256", "") + "\n");
    }

    @Test
    void aFileBuiltBeforeChecksumsWereKeptGetsItsChecksumOnceAsked() throws Exception {
        Layer facilities = registry.find("facilities").orElseThrow();
        byte[] served = get("/data/facilities.fgb").body();
        Files.delete(only(downloads.resolve("facilities"), ".sha256"));

        assertThat(files.atVersion(facilities, currentVersion(facilities), DownloadFormat.FLATGEOBUF).orElseThrow().sha256())
                .isEqualTo(sha256(served));
        assertThat(only(downloads.resolve("facilities"), ".sha256")).exists();
    }

    @Test
    void aStreamedFormatHasNoFileToKnow() throws Exception {
        get("/data/roads.geojson");
        Layer roads = registry.find("roads").orElseThrow();
        assertThat(files.atVersion(roads, currentVersion(roads), DownloadFormat.GEOJSON)).isEmpty();
    }

    private Instant currentVersion(Layer layer) {
        return versions.current(layer).orElseThrow().time();
    }

    private static Path only(Path folder, String suffix) throws Exception {
        try (Stream<Path> listed = Files.list(folder)) {
            List<Path> matching = listed.filter(p -> p.toString().endsWith(suffix)).toList();
            assertThat(matching).as(suffix + " files in " + folder).hasSize(1);
            return matching.getFirst();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
