package org.chizu.platform.jobs.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.chizu.platform.jobs.JobPage;
import org.chizu.platform.jobs.Jobs;

/**
 * A page of jobs with the total, for the caller's own list and the staff page alike, and the
 * live-events topic that announces changes to these jobs ({@code liveTopic}; absent when there is
 * none, and a page polls instead).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobPageView(List<JobView> jobs, int page, int size, long total, String liveTopic) {

    static JobPageView of(JobPage page, Jobs jobs, String liveTopic) {
        return new JobPageView(page.jobs().stream().map(job -> JobView.of(job, jobs)).toList(),
                page.page(), page.size(), page.total(), liveTopic);
    }
}
