package org.chizu.opendata.download;

import java.net.URI;
import java.security.Principal;

import com.fasterxml.jackson.databind.JsonNode;
import org.chizu.platform.RequestAudience;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.Jobs;
import org.chizu.platform.jobs.web.JobView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/exports} (anyone signed in): checks the request as {@code GET /data/…} would,
 * refusing it with the same problem, then queues a {@code data.export} job and answers 202 with the
 * job's address, where its progress and then its file are, for the caller and staff only.
 */
@RestController
class ExportController {

    private final Jobs jobs;
    private final DownloadRequests requests;
    private final RequestAudience audience;

    ExportController(Jobs jobs, DownloadRequests requests, RequestAudience audience) {
        this.jobs = jobs;
        this.requests = requests;
        this.audience = audience;
    }

    @PostMapping("/api/exports")
    ResponseEntity<JobView> export(@RequestBody JsonNode body, Principal caller) {
        ExportRequest request = ExportRequest.of(body, audience.get());
        request.download(requests);
        Job job = jobs.submit(ExportJob.KIND, caller.getName(), request);
        return ResponseEntity.accepted().location(URI.create(JobView.href(job.id()))).body(JobView.of(job, jobs));
    }
}
