package org.chizu.platform.jobs.internal;

import org.chizu.platform.jobs.Job.JobResult;

/** A result file as recorded with its job: where it lies under the jobs folder, and what it is. */
record StoredResult(String path, JobResult result) {
}
