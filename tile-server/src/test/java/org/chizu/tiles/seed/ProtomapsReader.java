package org.chizu.tiles.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.tiles.TileCoordinate;

/**
 * Protomaps' own PMTiles reader (the npm package {@code pmtiles}, run by node on
 * src/test/js/read-pmtiles.mjs): what a web map reading the archive from a CDN would find.
 *
 * @param header   the header as the reader decodes it: minZoom, maxZoom, minLon … in degrees
 * @param metadata the metadata JSON
 * @param tiles    per asked tile ("z/x/y"), its decompressed bytes in base64, or null when absent
 */
public record ProtomapsReader(JsonNode header, JsonNode metadata, JsonNode tiles) {

    public static ProtomapsReader read(Path archive, TileCoordinate... tiles) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "src/test/js/read-pmtiles.mjs", archive.toString()));
        for (TileCoordinate tile : tiles) {
            command.add(tile.toString());
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the PMTiles reader finished").isTrue();
        assertThat(process.exitValue()).as("the PMTiles reader's exit code, output:\n" + output).isZero();
        JsonNode read = new ObjectMapper().readTree(output);
        return new ProtomapsReader(read.get("header"), read.get("metadata"), read.get("tiles"));
    }

    /** The tile's bytes as the reader serves them, or null when the archive has no such tile. */
    public byte[] tile(TileCoordinate tile) {
        JsonNode data = tiles.get(tile.toString());
        return data.isNull() ? null : Base64.getDecoder().decode(data.asText());
    }
}
