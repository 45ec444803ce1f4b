package org.chizu.opendata.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.chizu.opendata.query.FeatureQueryService;
import org.chizu.platform.Label;
import org.chizu.platform.jobs.JobContext;
import org.chizu.platform.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@code data.export} job: writes into its result file the bytes {@code GET /data/{layer}.{format}}
 * would answer the same request with, for the audience that submitted it. GeoJSON and CSV are written
 * as they are read; the other formats come from the built download (built now if no one asked for
 * that version before), so a later download of it is ready at once.
 */
@Component
class ExportJob implements JobHandler {

    static final String KIND = "data.export";

    private static final Logger log = LoggerFactory.getLogger(ExportJob.class);

    private final DownloadRequests requests;
    private final FeatureQueryService features;
    private final DownloadWriter writer;
    private final BuiltDownloads built;

    ExportJob(DownloadRequests requests, FeatureQueryService features, DownloadWriter writer, BuiltDownloads built) {
        this.requests = requests;
        this.features = features;
        this.writer = writer;
        this.built = built;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Label title() {
        return new Label("データの書き出し", "Data export");
    }

    @Override
    public void run(JobContext context) throws IOException {
        long started = System.nanoTime();
        // Checked again: the layer may have been removed or hidden from this audience since it was queued.
        Download download = context.payload(ExportRequest.class).download(requests);
        ExportProgress progress = new ExportProgress(context, features.count(download.query()));
        Path result = context.resultFile(download.fileName(), download.mediaType().toString());
        write(download, result, progress);
        long written = progress.finish();
        log.info("export job {}: layer {}, format {}, {} features, {} bytes, {} ms", context.jobId(), download.layer().id(),
                download.format().extension(), written, Files.size(result), (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the download as {@code DownloadController} serves it: streamed, or the built file. */
    private void write(Download download, Path result, ExportProgress progress) throws IOException {
        if (download.format().builtAhead()) {
            Files.copy(built.file(download.format(), download.query(), progress), result, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (OutputStream out = Files.newOutputStream(result)) {
            writer.stream(download.format(), download.query(), download.csv(), out, progress);
        }
    }
}
