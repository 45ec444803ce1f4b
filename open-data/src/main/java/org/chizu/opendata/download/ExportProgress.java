package org.chizu.opendata.download;

import org.chizu.platform.jobs.JobContext;

/**
 * An export job's progress: the features written of those the query matched, reported at each
 * percent ("12,000 / 48,000 地物 (features)"), and the job stopped at the next feature once it
 * is asked to.
 */
final class ExportProgress implements DownloadProgress {

    private final JobContext job;
    private final long matched;
    private long written;
    private long shownPercent = -1;

    ExportProgress(JobContext job, long matched) {
        this.job = job;
        this.matched = matched;
    }

    @Override
    public void written(long features) {
        written = features;
        job.stopIfRequested();
        long percent = matched == 0 ? 100 : features * 100 / matched;
        if (percent != shownPercent) {
            shownPercent = percent;
            job.progress((int) percent, message(features));
        }
    }

    /**
     * Reports the export complete.
     *
     * @return how many features the file holds: those written now, or all matched when the file
     *         had been built already and was only copied
     */
    long finish() {
        long features = written > 0 ? written : matched;
        job.progress(100, message(features));
        return features;
    }

    private String message(long features) {
        return String.format("%,d / %,d 地物 (features)", features, matched);
    }
}
