package org.chizu.platform.jobs.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Base64;
import java.util.HexFormat;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.JobTopics;
import org.chizu.platform.jobs.Jobs;
import org.chizu.platform.jobs.UnknownJobException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/jobs}: a signed-in caller's own jobs, and any job for staff. Someone else's job is
 * answered like one that does not exist (404), so ids reveal nothing.
 */
@RestController
@RequestMapping("/api/jobs")
@ConditionalOnWebApplication
class JobController {

    private final Jobs jobs;
    private final RequestAudience audience;

    JobController(Jobs jobs, RequestAudience audience) {
        this.jobs = jobs;
        this.audience = audience;
    }

    /** The caller's own jobs, newest first. */
    @GetMapping
    JobPageView mine(Principal caller, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return JobPageView.of(jobs.list(caller.getName(), state == null || state.isBlank() ? null : JobState.fromId(state), page, size),
                jobs, JobTopics.ofOwner(caller.getName()));
    }

    @GetMapping("/{id}")
    JobView job(@PathVariable long id, Principal caller) {
        return JobView.of(visible(id, caller), jobs);
    }

    @PostMapping("/{id}/cancel")
    JobView cancel(@PathVariable long id, Principal caller) {
        return JobView.of(jobs.cancel(visible(id, caller).id()), jobs);
    }

    @DeleteMapping("/{id}")
    JobView delete(@PathVariable long id, Principal caller) {
        return cancel(id, caller);
    }

    /** The result file, with its SHA-256 as {@code Repr-Digest} (RFC 9530) and, for older clients, {@code Digest}. */
    @GetMapping("/{id}/result")
    ResponseEntity<Resource> result(@PathVariable long id, Principal caller) {
        Job job = visible(id, caller);
        Path file = jobs.resultFile(job);
        String sha256 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(job.result().sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(job.result().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(job.result().name(), StandardCharsets.UTF_8).build().toString())
                .header("Repr-Digest", "sha-256=:" + sha256 + ":")
                .header("Digest", "sha-256=" + sha256)
                .eTag("\"" + job.result().sha256() + "\"")
                .body(new FileSystemResource(file));
    }

    private Job visible(long id, Principal caller) {
        return jobs.find(id)
                .filter(job -> job.owner().equals(caller.getName()) || audience.get() == Audience.STAFF)
                .orElseThrow(() -> new UnknownJobException(id));
    }
}
