package org.chizu.reports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chizu.accounts.CurrentAudience;
import org.chizu.platform.Audience;
import org.chizu.platform.Label;
import org.chizu.reports.CategoryAttribute;
import org.chizu.reports.NewReport;
import org.chizu.reports.Pin;
import org.chizu.reports.Receipt;
import org.chizu.reports.Report;
import org.chizu.reports.Report.FollowedReport;
import org.chizu.reports.Report.PublicReport;
import org.chizu.reports.ReportCategories;
import org.chizu.reports.ReportCategory;
import org.chizu.reports.ReportIntake;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportStore;
import org.chizu.reports.ReportStore.Nearby;
import org.chizu.reports.ReportTriage;
import org.chizu.reports.ReportsProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Citizen reports for the report page and anyone else: the categories, open reports near a pin,
 * filing a report with photos and answers to its category's questions, a "+1", public reports with
 * their photos, and a report followed by its reporter through the private link of the receipt.
 * Nothing here shows a resident's name or contact.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    /**
     * A public photo stays with the browser that fetched it for a while, but a shared cache (a proxy,
     * a CDN) must ask again within a minute, so that a photo moderated away stops being served from
     * there almost at once. Staff-only photos (not accepted, or hidden) are never stored; a resident's
     * own, through the private follow link, only by their browser.
     */
    private static final CacheControl PUBLIC_PHOTO = CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()
            .sMaxAge(Duration.ofMinutes(1));
    private static final CacheControl PRIVATE_PHOTO = CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate();

    private final ReportIntake intake;
    private final ReportCategories categories;
    private final ReportStore store;
    private final ReportTriage triage;
    private final CurrentAudience audience;
    private final ReportsProperties properties;

    ReportController(ReportIntake intake, ReportCategories categories, ReportStore store, ReportTriage triage,
            CurrentAudience audience, ReportsProperties properties) {
        this.intake = intake;
        this.categories = categories;
        this.store = store;
        this.triage = triage;
        this.audience = audience;
        this.properties = properties;
    }

    /** The categories with their questions, and the photo limits the page checks before sending. */
    @GetMapping("/categories")
    Map<String, Object> categories() {
        return Map.of("categories", categories.all(), "maxPhotos", ReportsProperties.MAX_PHOTOS,
                "maxPhotoBytes", properties.maxPhotoBytes());
    }

    /** Open public reports of the category within its duplicate radius of the pin, nearest first. */
    @GetMapping("/nearby")
    Map<String, Object> nearby(@RequestParam String category, @RequestParam double lon, @RequestParam double lat) {
        ReportCategory found = categories.require(category);
        List<Nearby> reports = store.nearby(found.code(), new Pin(lon, lat), found.duplicateRadiusMetres());
        return Map.of("radiusMetres", found.duplicateRadiusMetres(), "reports", reports);
    }

    /**
     * Files a report (multipart form; answers as {@code attribute[CODE]}). 201 with the receipt once
     * it is durably stored; 200 with the first receipt when the same submissionKey was filed before.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Receipt> submit(@RequestParam(required = false) String category,
            @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) String description, @RequestParam(required = false) String name,
            @RequestParam(required = false) String email, @RequestParam(required = false) String submissionKey,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestParam MultiValueMap<String, String> form) {
        if (category == null || category.isBlank()) {
            throw ReportProblem.badInput("種類を選んでください。", "Choose a category.");
        }
        Pin pin = lon == null || lat == null ? null : new Pin(lon, lat);
        List<byte[]> uploads = photos == null ? List.of()
                : photos.stream().filter(p -> !p.isEmpty()).map(ReportController::bytes).toList();
        Receipt receipt = intake.submit(new NewReport(submissionKey, category, pin, description, name, email, null,
                "web", null, CategoryAttribute.answersIn(form), uploads));
        return ResponseEntity.status(receipt.alreadyFiled() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @GetMapping("/{id}")
    PublicReport report(@PathVariable long id) {
        return visible(id).publicView();
    }

    /**
     * The report its reporter follows through the private link of the receipt ({@code /report/follow/{token}}),
     * public or not yet: never cached, as the token is the only key.
     */
    @GetMapping("/follow/{token}")
    ResponseEntity<FollowedReport> followed(@PathVariable String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(followedBy(token).followView());
    }

    /**
     * The reporter's own photo through the follow link, public or not yet. Cached by the resident's
     * browser alone ({@code private}): the address holds the token, so no shared cache may keep it.
     */
    @GetMapping(value = "/follow/{token}/photos/{position}", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> followedPhoto(@PathVariable String token, @PathVariable int position) {
        return jpeg(followedBy(token), position, false, PRIVATE_PHOTO);
    }

    @GetMapping(value = "/follow/{token}/photos/{position}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> followedThumbnail(@PathVariable String token, @PathVariable int position) {
        return jpeg(followedBy(token), position, true, PRIVATE_PHOTO);
    }

    private Report followedBy(String token) {
        ReportProblem unknown = new ReportProblem(HttpStatus.NOT_FOUND, "unknown-follow-link", "Unknown follow link",
                new Label("このリンクの通報は見つかりません。受付の際に表示されたリンクをご確認ください。",
                        "No report has this link. Please check the link you were given on the receipt."));
        UUID parsed;
        try {
            parsed = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw unknown;
        }
        return store.findByToken(parsed).orElseThrow(() -> unknown);
    }

    /** "+1": another resident has the same problem; with an e-mail they get the report's updates. */
    @PostMapping("/{id}/supporters")
    Map<String, Integer> support(@PathVariable long id, @RequestParam(required = false) String email) {
        return Map.of("supporters", triage.support(id, email));
    }

    /** A photo as stored: re-encoded, without metadata. Never the uploaded bytes. */
    @GetMapping(value = "/{id}/photos/{position}", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable int position) {
        return jpeg(id, position, false);
    }

    @GetMapping(value = "/{id}/photos/{position}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable int position) {
        return jpeg(id, position, true);
    }

    private ResponseEntity<byte[]> jpeg(long id, int position, boolean thumbnail) {
        Report report = visible(id);
        return jpeg(report, position, thumbnail, report.isPublic() ? PUBLIC_PHOTO : CacheControl.noStore());
    }

    private ResponseEntity<byte[]> jpeg(Report report, int position, boolean thumbnail, CacheControl cache) {
        long id = report.id();
        byte[] bytes = store.photo(report.id(), position, thumbnail).orElseThrow(() -> new ReportProblem(
                HttpStatus.NOT_FOUND, "unknown-photo", "Unknown photo", new Label(
                        "通報 " + id + " に写真 " + position + " はありません。", "Report " + id + " has no photo " + position + ".")));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache).body(bytes);
    }

    /** A report the caller may see: public ones for everybody, any for staff. */
    private Report visible(long id) {
        boolean staff = audience.get() == Audience.STAFF;
        return store.find(id).filter(r -> staff || r.isPublic()).orElseThrow(() -> ReportProblem.unknownReport(id));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
