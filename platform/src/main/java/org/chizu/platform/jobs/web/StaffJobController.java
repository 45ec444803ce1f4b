package org.chizu.platform.jobs.web;

import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.JobTopics;
import org.chizu.platform.jobs.Jobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Every job, for staff (under /staff, so staff-only): the page at /staff/jobs and the list it shows. */
@Controller
@ConditionalOnWebApplication
class StaffJobController {

    private final Jobs jobs;

    StaffJobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/staff/jobs")
    String page() {
        return "forward:/staff/jobs.html";
    }

    @GetMapping("/staff/api/jobs")
    @ResponseBody
    JobPageView all(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return JobPageView.of(jobs.list(null, state == null || state.isBlank() ? null : JobState.fromId(state), page, size),
                jobs, JobTopics.STAFF);
    }
}
