package org.chizu.tiles.seed;

import java.net.URI;
import java.security.Principal;

import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.Jobs;
import org.chizu.platform.jobs.web.JobView;
import org.chizu.tiles.Tilesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tiles/seed} (staff, as every POST): queues a {@code tiles.seed} job after checking
 * the request, and answers 202 with the job's address, where its progress and then its archive are.
 */
@RestController
class TileSeedController {

    private final Jobs jobs;
    private final Tilesets tilesets;

    TileSeedController(Jobs jobs, Tilesets tilesets) {
        this.jobs = jobs;
        this.tilesets = tilesets;
    }

    @PostMapping("/api/tiles/seed")
    ResponseEntity<JobView> seed(@RequestBody SeedJobRequest request, Principal staff) {
        request.plan(tilesets);
        Job job = jobs.submit(TileSeedJob.KIND, staff.getName(), request);
        return ResponseEntity.accepted().location(URI.create(JobView.href(job.id()))).body(JobView.of(job, jobs));
    }
}
