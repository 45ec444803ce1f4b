package org.chizu.platform.jobs;

import java.util.List;

/**
 * One page of jobs, newest first.
 *
 * @param page  from 0
 * @param total how many jobs match, on all pages
 */
public record JobPage(List<Job> jobs, int page, int size, long total) {
}
