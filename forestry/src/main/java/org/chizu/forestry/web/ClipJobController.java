package org.chizu.forestry.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chizu.accounts.Identity;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.clip.ClipJobs;
import org.chizu.forestry.clip.ClipJobs.ClipJob;
import org.chizu.forestry.clip.ClipJobs.ServedFile;
import org.chizu.forestry.clip.ClipManifest;
import org.chizu.forestry.clip.ClipPlan;
import org.chizu.forestry.clip.ClipProblem;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobTopics;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A firm's downloads as jobs: the plan and estimate of a clip of its approved area, starting a clip
 * job, following its jobs (live on the owner's jobs topic; each active one with the platform's address
 * that cancels it), and downloading their files and the
 * archived tiles whole, with Range so a broken download resumes. A download of survey data is logged
 * once, at its first byte.
 */
@RestController
class ClipJobController {

    private final ClipJobs clips;

    ClipJobController(ClipJobs clips) {
        this.clips = clips;
    }

    /** What a clip of each survey the application's area overlaps would make, and the limits it must pass. */
    @GetMapping("/api/forestry/applications/{id}/clip-plans")
    Map<String, Object> plans(@PathVariable long id) {
        Identity caller = Callers.signedIn();
        List<ClipPlan> plans = clips.plans(caller, id);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxPointsPerJob", clips.limits().maxPointsPerJob());
        limits.put("maxPointsPerOrganisationPerMonth", clips.limits().maxPointsPerOrganisationPerMonth());
        Applications.organisationsOf(caller).stream().findFirst()
                .ifPresent(organisation -> limits.put("usedThisMonth", clips.usedThisMonth(organisation)));
        return Map.of("application", id, "limits", limits, "plans", plans);
    }

    /** The request to start a clip job: which approved application, and which survey its area overlaps. */
    record StartClip(Long application, Long survey) {
    }

    @PostMapping(path = "/api/forestry/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> start(@RequestBody StartClip request) {
        if (request.application() == null || request.survey() == null) {
            throw ClipProblem.badRequest();
        }
        ClipJob started = clips.start(Callers.signedIn(), request.application(), request.survey());
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + started.job().id())).body(view(started));
    }

    /** The caller's clip jobs, newest first, and the live-events topic that announces their progress. */
    @GetMapping("/api/forestry/jobs")
    Map<String, Object> mine() {
        Identity caller = Callers.signedIn();
        return Map.of("topic", JobTopics.ofOwner(caller.name()), "jobs", clips.mine(caller).stream().map(ClipJobController::view).toList());
    }

    @GetMapping("/api/forestry/jobs/{id}/files/{name}")
    ResponseEntity<Resource> file(@PathVariable long id, @PathVariable String name,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        Identity caller = Callers.signedIn();
        return served(caller, clips.file(caller, id, name), range);
    }

    /** An archived tile as it was ingested (LAS or LAZ), whole. */
    @GetMapping("/api/forestry/tiles/{id}/file")
    ResponseEntity<Resource> tile(@PathVariable long id, @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        Identity caller = Callers.signedIn();
        return served(caller, clips.tile(caller, id), range);
    }

    private ResponseEntity<Resource> served(Identity caller, ServedFile served, String range) {
        if (range == null || range.startsWith("bytes=0-")) {
            clips.logDownload(caller, served);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.parseMediaType(served.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(served.name(), StandardCharsets.UTF_8).build().toString());
        if (served.sha256() != null) {
            response.eTag("\"" + served.sha256() + "\"");
        }
        return response.body(new FileSystemResource(served.file()));
    }

    private static Map<String, Object> view(ClipJob clip) {
        Job job = clip.job();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("state", job.state());
        view.put("progress", job.progress());
        view.put("message", job.message());
        view.put("application", clip.application());
        view.put("survey", clip.survey());
        view.put("estimatedPoints", clip.estimatedPoints());
        view.put("estimatedBytes", clip.estimatedBytes());
        view.put("createdAt", job.createdAt());
        view.put("finishedAt", job.finishedAt());
        view.put("expiresAt", job.expiresAt());
        view.put("cancelRequested", job.cancelRequested());
        if (job.state().active()) {
            // the platform's cancel of one's own job: a queued one at once, a running one at its next check, its files deleted
            view.put("cancelUrl", "/api/jobs/" + job.id() + "/cancel");
        }
        ClipManifest manifest = clip.manifest();
        if (manifest != null) {
            String base = "/api/forestry/jobs/" + job.id() + "/files/";
            view.put("manifest", Map.of("url", base + ClipManifest.FILE_NAME, "bytes", job.result().bytes(), "sha256", job.result().sha256()));
            view.put("pointsInArea", manifest.pointsInArea());
            view.put("files", manifest.files().stream().map(file -> Map.of("name", file.name(), "product", file.product(),
                    "bytes", file.bytes(), "sha256", file.sha256(), "url", base + file.name())).toList());
        }
        return view;
    }
}
