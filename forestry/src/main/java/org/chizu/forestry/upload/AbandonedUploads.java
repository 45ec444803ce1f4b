package org.chizu.forestry.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.chizu.forestry.laser.LaserArchive;
import org.chizu.platform.jobs.JobChanged;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes an uploaded tile's folder once its ingest job has failed for good or was cancelled: no
 * attempt will read the file again, and a laser tile of some hundred MB should not wait on the disk
 * for nobody. (A done job deletes its upload itself; see {@link IngestJobHandler}.)
 */
@Component
class AbandonedUploads {

    private static final Logger log = LoggerFactory.getLogger(AbandonedUploads.class);
    private static final Set<JobState> ABANDONED = EnumSet.of(JobState.FAILED, JobState.CANCELLED);

    private final Jobs jobs;
    private final LaserArchive archive;

    AbandonedUploads(Jobs jobs, LaserArchive archive) {
        this.jobs = jobs;
        this.archive = archive;
    }

    /** Heard in the process that ended the job: the one whose worker failed it, or that cancelled it. */
    @EventListener
    void onJobChanged(JobChanged change) {
        if (!change.kind().equals(IngestJobHandler.KIND) || !ABANDONED.contains(change.state())) {
            return;
        }
        jobs.find(change.id()).map(job -> Path.of(job.payload().path("file").asText()).getParent()).ifPresent(this::deleteUpload);
    }

    private void deleteUpload(Path folder) {
        Path uploads = archive.uploadDirectory().toAbsolutePath().normalize();
        // only an upload's own folder, never what a payload might name elsewhere
        if (!folder.toAbsolutePath().normalize().getParent().equals(uploads) || !Files.isDirectory(folder)) {
            return;
        }
        try {
            SurveyUploads.delete(folder);
            log.info("deleted the upload {}: its ingest job ended without archiving it", folder);
        } catch (RuntimeException e) {
            log.warn("could not delete the abandoned upload {}: {}", folder, e.getMessage());
        }
    }
}
