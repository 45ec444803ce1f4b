package org.chizu.opendata.download;

/**
 * Hears how far a download has got while it is written. It may stop the download by throwing an
 * unchecked exception, which ends the writing and leaves no file behind.
 */
@FunctionalInterface
interface DownloadProgress {

    /** Nobody is listening: a download served at once has no one to tell. */
    DownloadProgress NONE = features -> { };

    /**
     * Called after each feature is encoded.
     *
     * @param features how many have been encoded so far, from 1
     */
    void written(long features);
}
