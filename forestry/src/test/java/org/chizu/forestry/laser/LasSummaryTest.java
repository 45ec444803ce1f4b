package org.chizu.forestry.laser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.chizu.forestry.synthetic.SyntheticForest;
import org.chizu.forestry.testing.SharedLidar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.mreutegg.laszip4j.LASHeader;
import com.github.mreutegg.laszip4j.LASReader;

/**
 * A LAS file's records read straight from its bytes, as the ingest does while copying and hashing the
 * file, sum to the very summary laszip4j's decode of every point gives; LAZ and the point formats of
 * LAS 1.4 are left to laszip4j.
 */
class LasSummaryTest {

    @TempDir
    static Path folder;

    @Test
    void recordsReadFromTheBytesSumToTheSummaryOfEveryPointDecoded() throws Exception {
        // 120 m of synthetic forest: about 130,000 points, several chunks, the records not aligned to them
        Path synthetic = new SyntheticForest(5, 6671, -70_000, -110_000, 120, 8).writeTiles(folder, 120).get(0);
        for (Path file : List.of(SharedLidar.file("simple.las"), SharedLidar.file("vegetation_1_3.las"), synthetic)) {
            LASHeader header = new LASReader(file.toFile()).getHeader();
            LasSummary.Tally tally = new LasSummary.Tally();
            try (LasChunks chunks = new LasChunks(file, LasChunks.Layout.of(file, header).orElseThrow(), LasChunks.buffer())) {
                while (chunks.next()) {
                    tally.add(chunks);
                }
            }

            LasSummary decoded = LasSummary.read(file);

            assertThat(decoded.pointCount()).as(file.getFileName() + " has points").isPositive();
            assertThat(tally.summary(header)).as(file.getFileName().toString()).isEqualTo(decoded);
        }
    }

    @Test
    void lazFilesAreDecodedByLaszip4j() {
        Path laz = SharedLidar.file("simple.laz");

        assertThat(LasChunks.Layout.of(laz, new LASReader(laz.toFile()).getHeader())).isEmpty();
    }
}
