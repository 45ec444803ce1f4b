package org.chizu.forestry.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chizu.forestry.upload.SurveyUploads;
import org.chizu.forestry.upload.SurveyUploads.Queued;
import org.chizu.forestry.upload.SurveyUploads.Upload;
import org.chizu.forestry.upload.UploadProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Staff upload a LAS/LAZ tile as the request's body (streamed to disk, whatever its content type says:
 * the file's own header decides), naming the survey, its surveying body and, for a file without a
 * coordinate system, its plane rectangular zone or EPSG code; an ingest job archives it. The answer is
 * 202 with the job, followed on the platform's job pages and API.
 */
@RestController
class SurveyUploadController {

    private final SurveyUploads uploads;

    SurveyUploadController(SurveyUploads uploads) {
        this.uploads = uploads;
    }

    /** Has Undertow close the connection after the refusal instead of reading the rest of an oversized body first. */
    private static void closeAfterAnswer() {
        ServletRequestContext undertow = ServletRequestContext.current();
        if (undertow != null) {
            undertow.getExchange().setPersistent(false);
        }
    }

    @PostMapping("/staff/api/forestry/surveys/uploads")
    ResponseEntity<Map<String, Object>> upload(@RequestParam(required = false) String survey,
            @RequestParam(required = false) String body, @RequestParam(required = false) String name,
            @RequestParam(required = false) String zone, @RequestParam(required = false) String epsg,
            HttpServletRequest request) throws IOException {
        Queued queued;
        try {
            queued = uploads.receive(Callers.signedIn().name(),
                    new Upload(name, survey, body, Optional.ofNullable(zone), Optional.ofNullable(epsg)),
                    request.getInputStream(), request.getContentLengthLong());
        } catch (UploadProblem refused) {
            if (refused.status() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                closeAfterAnswer();
            }
            throw refused;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job", queued.job().id());
        view.put("kind", queued.job().kind());
        view.put("state", queued.job().state());
        view.put("survey", queued.survey());
        view.put("fileName", queued.fileName());
        view.put("bytes", queued.bytes());
        view.put("crs", "EPSG:" + queued.srid());
        view.put("crsSource", queued.crsSource());
        view.put("pointsInHeader", queued.pointsInHeader());
        view.put("jobUrl", "/api/jobs/" + queued.job().id());
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + queued.job().id())).body(view);
    }
}
