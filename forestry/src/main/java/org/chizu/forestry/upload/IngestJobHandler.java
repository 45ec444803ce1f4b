package org.chizu.forestry.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.chizu.forestry.laser.IngestedTile;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.laser.LaserProblem;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.platform.Label;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Archives an uploaded tile as {@code ./chizu laser ingest} does (the same bytes twice change nothing,
 * and the result says so), with progress while every point is read; then makes the survey's products
 * anew when the tile is new, or when the survey has none yet. The result is a small JSON: the tile,
 * its points and coordinate system, whether it was archived before. The upload's folder is deleted
 * once its tile is in the archive, or once it is refused.
 */
@Component
class IngestJobHandler implements JobHandler {

    static final String KIND = "forestry.ingest";
    /** The share of the progress bar reading the points takes; the products take the rest. */
    private static final int POINTS_PERCENT = 60;
    /** Where the progress bar stands once the products' tiles are read: the mosaics and relief tiles follow. */
    private static final int PRODUCTS_PERCENT = 95;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LaserArchive archive;
    private final SurveyProducts products;

    IngestJobHandler(LaserArchive archive, SurveyProducts products) {
        this.archive = archive;
        this.products = products;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Label title() {
        return new Label("レーザ計測データの取り込み", "Laser tile ingest");
    }

    @Override
    public void run(JobContext context) throws Exception {
        IngestOrder order = context.payload(IngestOrder.class);
        Path file = Path.of(order.file());
        Path result = context.resultFile(IngestResult.FILE_NAME, "application/json");
        long total = Math.max(1, order.pointsInHeader());
        context.progress(0, "点群 / points 0 / " + total);
        IngestedTile tile;
        try {
            tile = archive.ingest(order.survey(), file,
                    order.declaredSrid() == null ? OptionalInt.empty() : OptionalInt.of(order.declaredSrid()), read -> {
                        context.stopIfRequested();
                        context.progress((int) Math.min(POINTS_PERCENT, POINTS_PERCENT * read / total), "点群 / points " + read + " / " + total);
                    });
        } catch (LaserProblem refused) {
            SurveyUploads.delete(file.getParent());
            throw refused;
        }
        List<String> made = List.of();
        if (!tile.alreadyArchived() || products.made(order.survey()).isEmpty()) {
            context.stopIfRequested();
            context.progress(POINTS_PERCENT, "成果品 / products");
            made = products.make(order.survey(), (read, points, tilesRead, tiles) -> {
                context.stopIfRequested();
                context.progress(POINTS_PERCENT + (PRODUCTS_PERCENT - POINTS_PERCENT) * tilesRead / tiles,
                        "成果品 / products: " + tilesRead + " / " + tiles);
            }).stream().map(product -> product.kind().id).toList();
        }
        JSON.writeValue(result.toFile(), new IngestResult(tile.id(), tile.fileName(), order.survey(), order.surveyName(),
                tile.pointCount(), "EPSG:" + tile.srid(), tile.alreadyArchived(), made));
        if (Files.exists(file)) {
            SurveyUploads.delete(file.getParent());
        }
        context.progress(100, tile.alreadyArchived() ? "既に保存済み・変更なし / already archived, unchanged" : "完了 / done");
    }
}
