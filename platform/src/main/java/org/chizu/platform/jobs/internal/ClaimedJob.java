package org.chizu.platform.jobs.internal;

import java.util.UUID;

import org.chizu.platform.jobs.Job;

/** A job a worker has claimed; every later update names {@code lease}, so only this claim can finish it. */
record ClaimedJob(Job job, UUID lease) {
}
