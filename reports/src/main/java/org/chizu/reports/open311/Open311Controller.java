package org.chizu.reports.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.chizu.reports.CategoryAttribute;
import org.chizu.reports.Moderation;
import org.chizu.reports.NewReport;
import org.chizu.reports.Pin;
import org.chizu.reports.PublicQuery;
import org.chizu.reports.Receipt;
import org.chizu.reports.Report;
import org.chizu.reports.ReportCategories;
import org.chizu.reports.ReportCategory;
import org.chizu.reports.ReportIntake;
import org.chizu.reports.ReportStore;
import org.chizu.reports.ReportsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}, so existing Open311 clients work unchanged:
 * discovery, services, service definitions, requests (GET with the standard filters and its 90-day /
 * 1,000-request defaults; POST with {@code attribute[CODE]} keys and an API key), one request, and
 * tokens, each as {@code .xml} or {@code .json}. Widely used extensions: {@code page} and
 * {@code page_size}, {@code extensions=true} (detailed status and the notes history) and the
 * {@code servicerequestupdates} feed. Only accepted reports are public here.
 *
 * <p>Errors use the standard's {@code errors/error} body rather than the application's
 * problem+json, because Open311 clients parse that body; this controller's handler therefore takes
 * precedence over the application's for its own paths.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The standard's default window and cap for GET requests. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    static final int MAX_REQUESTS = 1000;

    private final ReportCategories categories;
    private final ReportStore store;
    private final ReportIntake intake;
    private final Open311ApiKeys keys;
    private final ReportsProperties.Open311 settings;

    Open311Controller(ReportCategories categories, ReportStore store, ReportIntake intake, Open311ApiKeys keys,
            ReportsProperties properties) {
        this.categories = categories;
        this.store = store;
        this.intake = intake;
        this.keys = keys;
        this.settings = properties.open311();
    }

    @GetMapping("/discovery.{format:xml|json}")
    ResponseEntity<String> discovery(@PathVariable String format) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", baseUrl() + "/open311/v2");
        endpoint.put("changeset", settings.changeset());
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", settings.changeset());
        discovery.put("contact", settings.contact());
        discovery.put("key_service", settings.contact());
        discovery.put("endpoints", List.of(endpoint));
        return Open311Writer.object(Open311Format.of(format), "discovery", discovery);
    }

    @GetMapping("/services.{format:xml|json}")
    ResponseEntity<String> services(@PathVariable String format, @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(required = false) String lang) {
        checkJurisdiction(jurisdiction);
        Open311Representation as = representation(lang);
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "services", "service",
                categories.all().stream().map(as::service).toList());
    }

    @GetMapping("/services/{code}.{format:xml|json}")
    ResponseEntity<String> serviceDefinition(@PathVariable String code, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(required = false) String lang) {
        checkJurisdiction(jurisdiction);
        return Open311Writer.object(Open311Format.of(format), "service_definition",
                representation(lang).definition(service(code, HttpStatus.NOT_FOUND)));
    }

    /** Creates a request from the standard's form fields; answers with a token until staff accept it. */
    @PostMapping("/requests.{format:xml|json}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
            @RequestParam(name = "media", required = false) MultipartFile media) {
        checkJurisdiction(form.getFirst("jurisdiction_id"));
        String client = keys.clientOf(form.getFirst("api_key")).orElseThrow(() -> new Open311Error(HttpStatus.FORBIDDEN,
                "Invalid api_key received -- can't proceed with create_request."));
        String code = form.getFirst("service_code");
        if (code == null || code.isBlank()) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "service_code was not provided");
        }
        ReportCategory category = service(code, HttpStatus.BAD_REQUEST);
        Pin pin = pin(form.getFirst("lat"), form.getFirst("long"));
        String description = form.getFirst("description");
        String name = String.join(" ", Stream.of(form.getFirst("first_name"), form.getFirst("last_name"))
                .filter(part -> part != null && !part.isBlank()).toList());
        Receipt receipt = intake.submit(new NewReport(null, category.code(), pin,
                description == null || description.isBlank() ? category.name().ja() : description,
                name, form.getFirst("email"), form.getFirst("phone"), "open311", client, CategoryAttribute.answersIn(form),
                media == null || media.isEmpty() ? List.of() : List.of(bytes(media))));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("token", receipt.token().toString());
        created.put("service_notice", "担当: " + receipt.body().ja() + " / Handled by " + receipt.body().en()
                + ". 職員が確認した後に公開されます / Published once staff have reviewed it.");
        created.put("account_id", form.getFirst("account_id"));
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "service_requests", "request", List.of(created));
    }

    @GetMapping("/requests.{format:xml|json}")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String codes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "" + MAX_REQUESTS) int pageSize,
            @RequestParam(defaultValue = "false") boolean extensions,
            @RequestParam(required = false) String lang) {
        checkJurisdiction(jurisdiction);
        if (page < 1 || pageSize < 1 || pageSize > MAX_REQUESTS) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "page must be 1 or more and page_size between 1 and " + MAX_REQUESTS);
        }
        OffsetDateTime[] window = window(startDate, endDate);
        List<String> statuses = split(status);
        statuses.stream().filter(s -> !s.equals("open") && !s.equals("closed")).findFirst().ifPresent(s -> {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "status must be open or closed, not " + s);
        });
        PublicQuery query = new PublicQuery(split(ids).stream().map(Open311Controller::requestId).toList(), split(codes),
                statuses, window[0], window[1], page, pageSize);
        Open311Representation as = representation(lang);
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "service_requests", "request",
                store.publicSearch(query).stream().map(r -> as.request(r, service(r.category(), HttpStatus.NOT_FOUND), extensions)).toList());
    }

    @GetMapping("/requests/{id}.{format:xml|json}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(defaultValue = "false") boolean extensions, @RequestParam(required = false) String lang) {
        checkJurisdiction(jurisdiction);
        Report report = store.find(requestId(id)).filter(Report::isPublic)
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "service_requests", "request",
                List.of(representation(lang).request(report, service(report.category(), HttpStatus.NOT_FOUND), extensions)));
    }

    /** The request a token stands for: its service_request_id once staff accepted it, none while under review. */
    @GetMapping("/tokens/{token}.{format:xml|json}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        checkJurisdiction(jurisdiction);
        Report report = parseToken(token).flatMap(store::findByToken)
                .filter(r -> r.moderation() != Moderation.REJECTED)
                .orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, "token " + token + " not found"));
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("service_request_id", report.isPublic() ? Open311Representation.id(report.id()) : null);
        found.put("token", token);
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "service_requests", "request", List.of(found));
    }

    /** Status changes of public requests in a time window (the servicerequestupdates extension), oldest first. */
    @GetMapping("/servicerequestupdates.{format:xml|json}")
    ResponseEntity<String> updates(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate, @RequestParam(required = false) String lang) {
        checkJurisdiction(jurisdiction);
        OffsetDateTime[] window = window(startDate, endDate);
        Open311Representation as = representation(lang);
        return Open311Writer.list(HttpStatus.OK, Open311Format.of(format), "service_requests_updates", "request_update",
                store.publicUpdates(window[0], window[1], MAX_REQUESTS).stream().map(as::requestUpdate).toList());
    }

    @ExceptionHandler
    ResponseEntity<String> error(Exception e, HttpServletRequest request) {
        HttpStatus status;
        String description;
        if (e instanceof Open311Error error) {
            status = error.status();
            description = error.getMessage();
        } else if (e instanceof TypeMismatchException mismatch) {
            status = HttpStatus.BAD_REQUEST;
            description = mismatch.getPropertyName() + " must be " + (mismatch.getRequiredType() == boolean.class
                    ? "true or false" : "a whole number") + ", not " + mismatch.getValue();
        } else if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                || e instanceof CannotCreateTransactionException) {
            log.warn("database unavailable: {}", e.toString());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            description = "The database cannot be reached just now; try again in a little while.";
        } else if (e instanceof ErrorResponse response) {
            status = HttpStatus.valueOf(response.getStatusCode().value());
            description = response.getBody().getDetail();
        } else {
            log.error("unexpected error in the Open311 API", e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            description = "Something went wrong on the server; it has been logged.";
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        ResponseEntity<String> answer = Open311Writer.list(status, Open311Format.ofPath(request.getRequestURI()), "errors", "error", List.of(error));
        return status != HttpStatus.SERVICE_UNAVAILABLE ? answer
                : ResponseEntity.status(status).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "30").body(answer.getBody());
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank() && !jurisdiction.equals(settings.jurisdictionId())) {
            throw new Open311Error(HttpStatus.NOT_FOUND, "jurisdiction_id provided not found: " + jurisdiction);
        }
    }

    private ReportCategory service(String code, HttpStatus whenUnknown) {
        return categories.find(code).orElseThrow(() -> new Open311Error(whenUnknown, "service_code " + code + " not found"));
    }

    private Open311Representation representation(String lang) {
        return new Open311Representation("en".equals(lang) ? "en" : "ja", baseUrl());
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    /** The time window of a query: at most 90 days, the last 90 days by default. */
    private static OffsetDateTime[] window(String startDate, String endDate) {
        OffsetDateTime start = date("start_date", startDate);
        OffsetDateTime end = date("end_date", endDate);
        if (end == null) {
            OffsetDateTime now = OffsetDateTime.now();
            end = start == null || start.plus(DEFAULT_WINDOW).isAfter(now) ? now : start.plus(DEFAULT_WINDOW);
        }
        if (start == null) {
            start = end.minus(DEFAULT_WINDOW);
        }
        if (start.isAfter(end) || Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "start_date must be before end_date and at most 90 days earlier");
        }
        return new OffsetDateTime[] {start, end};
    }

    private static OffsetDateTime date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime date = OffsetDateTime.parse(value.strip());
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeParseException("year out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, name + " must be a W3C date-time with its offset, "
                    + "such as 2010-01-01T00:00:00Z, not " + value);
        }
    }

    private static Pin pin(String lat, String lon) {
        if (lat == null || lon == null) {
            throw new Open311Error(HttpStatus.BAD_REQUEST,
                    "lat and long are required: this jurisdiction locates requests by coordinates");
        }
        try {
            return new Pin(Double.parseDouble(lon), Double.parseDouble(lat));
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "lat and long must be decimal degrees (WGS 84)");
        }
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static long requestId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Open311Error(HttpStatus.BAD_REQUEST, "service_request_id must be a number, not " + id);
        }
    }

    private static Optional<UUID> parseToken(String token) {
        try {
            return Optional.of(UUID.fromString(token));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
