package org.chizu.tiles.seed;

import org.chizu.platform.Label;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.chizu.tiles.Tilesets;
import org.springframework.stereotype.Component;

/**
 * The {@code tiles.seed} job: what {@code ./chizu tiles seed} does, into the job's result file,
 * reporting each percent done and stopping between tiles when cancelled.
 */
@Component
class TileSeedJob implements JobHandler {

    static final String KIND = "tiles.seed";

    private final Tilesets tilesets;
    private final TileSeeder seeder;

    TileSeedJob(Tilesets tilesets, TileSeeder seeder) {
        this.tilesets = tilesets;
        this.seeder = seeder;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Label title() {
        return new Label("タイルの作成", "Tile seeding");
    }

    @Override
    public void run(JobContext context) throws Exception {
        SeedJobRequest.Plan plan = context.payload(SeedJobRequest.class).plan(tilesets);
        long[] shownPercent = {-1};
        TileSeeder.Seeded seeded = seeder.seed(plan.tileset(), plan.area(), plan.format(),
                context.resultFile(plan.fileName(), plan.format().mediaType()), (done, total) -> {
                    context.stopIfRequested();
                    long percent = done * 100 / total;
                    if (percent != shownPercent[0]) {
                        shownPercent[0] = percent;
                        context.progress((int) percent, done + "/" + total + " タイル / tiles");
                    }
                });
        context.progress(100, seeded.written() + " タイルを書き出しました / tiles written ("
                + (seeded.total() - seeded.written()) + " 空 / empty left out)");
    }
}
