package org.chizu.forestry.clip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chizu.forestry.access.DataProduct;
import org.chizu.forestry.laser.ArchivedTile;
import org.chizu.forestry.products.Gdal;
import org.chizu.forestry.products.MadeProduct;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.platform.Label;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.springframework.stereotype.Component;

/**
 * Runs a firm's clip job: the point cloud clipped to the approved area as LAS (streamed, progress
 * while the tiles are read), the named rasters cut to the area by {@code gdalwarp} as Cloud-Optimized
 * GeoTIFF, the tree tops inside it and their 20 m resource mesh as GeoPackage and CSV (森林資源データ
 * layouts), and the manifest (the job's result) listing each with
 * its SHA-256. Every file is written in the attempt's own folder, next to the manifest, so the job's
 * expiry deletes them together.
 */
@Component
class ClipJobHandler implements JobHandler {

    static final String KIND = "forestry.clip";
    static final String POINTS_FILE = "points.las";
    static final String LAS = "application/vnd.las";
    static final String COG = "image/tiff; application=geotiff; profile=cloud-optimized";
    static final String GEOPACKAGE = "application/geopackage+sqlite3";
    /** With a byte-order mark, as the layers' CSV downloads, so that Excel reads the Japanese headers. */
    static final String CSV = "text/csv; charset=utf-8";
    /** The share of the progress bar the point cloud takes: reading every point is most of the work. */
    private static final int POINTS_PERCENT = 85;
    private static final Duration GDAL_TIMEOUT = Duration.ofMinutes(10);

    private final ClipPlans plans;
    private final SurveyProducts products;
    private final ClippedTrees trees;

    ClipJobHandler(ClipPlans plans, SurveyProducts products, ClippedTrees trees) {
        this.plans = plans;
        this.products = products;
        this.trees = trees;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Label title() {
        return new Label("森林データの切り出し", "Forest data clip");
    }

    @Override
    public void run(JobContext context) throws Exception {
        ClipOrder order = context.payload(ClipOrder.class);
        Path manifest = context.resultFile(ClipManifest.FILE_NAME, "application/json");
        Path folder = manifest.getParent();
        List<ClipManifest.File> files = new ArrayList<>();
        PointCloudClip.Clipped clipped = new PointCloudClip.Clipped(0, 0);
        if (order.products().contains(DataProduct.POINT_CLOUD.id)) {
            List<ArchivedTile> tiles = plans.tiles(order.application(), order.survey());
            long total = Math.max(1, tiles.stream().mapToLong(ArchivedTile::pointCount).sum());
            clipped = PointCloudClip.clip(tiles, plans.area(order.application(), order.srid()), order.srid(),
                    folder.resolve(POINTS_FILE), read -> {
                        context.stopIfRequested();
                        context.progress((int) (POINTS_PERCENT * read / total), "点群 / points " + read + " / " + total);
                    });
            files.add(ClipManifest.File.of(folder.resolve(POINTS_FILE), DataProduct.POINT_CLOUD.id, LAS));
        }
        context.progress(POINTS_PERCENT, "ラスタ / rasters");
        Path cutline = Files.createTempFile("clip-area", ".geojson");
        try {
            Files.writeString(cutline, plans.areaAsGeoJson(order.application(), order.srid()), StandardCharsets.UTF_8);
            for (MadeProduct raster : products.made(order.survey())) {
                if (order.products().contains(raster.kind().id)) {
                    context.stopIfRequested();
                    Path clippedRaster = folder.resolve(raster.kind().id + ".tif");
                    Gdal.run("cut " + raster.file() + " to the area of application " + order.application(), GDAL_TIMEOUT, List.of(
                            "gdalwarp", "-q", "-overwrite", "-of", "COG", "-co", "COMPRESS=DEFLATE", "-cutline", cutline.toString(),
                            "-crop_to_cutline", "-dstnodata", "-9999", raster.file().toString(), clippedRaster.toString()));
                    files.add(ClipManifest.File.of(clippedRaster, raster.kind().id, COG));
                }
            }
        } finally {
            Files.deleteIfExists(cutline);
        }
        if (order.products().contains(DataProduct.TREE_POINTS.id)) {
            context.progress(95, "樹頂点 / tree tops");
            trees.writeTrees(order.application(), order.survey(), order.srid(), folder);
            files.addAll(tables(folder, ClippedTrees.TREES, DataProduct.TREE_POINTS));
        }
        if (order.products().contains(DataProduct.RESOURCE_MESH.id)) {
            context.stopIfRequested();
            context.progress(97, "資源量メッシュ / resource mesh");
            trees.writeMesh(order.application(), order.survey(), order.srid(), folder);
            files.addAll(tables(folder, ClippedTrees.MESH, DataProduct.RESOURCE_MESH));
        }
        new ClipManifest(context.jobId(), order.application(), order.survey(), order.surveyName(), order.surveyingBody(),
                "EPSG:" + order.srid(), clipped.pointsRead(), clipped.pointsWritten(), Instant.now().toString(), files).write(manifest);
        context.progress(100, "完了 / done");
    }

    /** A table's GeoPackage and CSV, measured. */
    private static List<ClipManifest.File> tables(Path folder, String layer, DataProduct product) throws IOException {
        return List.of(ClipManifest.File.of(folder.resolve(ClippedTrees.geoPackage(layer)), product.id, GEOPACKAGE),
                ClipManifest.File.of(folder.resolve(ClippedTrees.csv(layer)), product.id, CSV));
    }
}
