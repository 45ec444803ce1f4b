package org.chizu.platform.jobs.web;

import java.util.List;

import org.chizu.platform.jobs.JobPage;

/** A page of jobs with the total, for the caller's own list and the staff page alike. */
record JobPageView(List<JobView> jobs, int page, int size, long total) {

    static JobPageView of(JobPage page) {
        return new JobPageView(page.jobs().stream().map(JobView::of).toList(), page.page(), page.size(), page.total());
    }
}
