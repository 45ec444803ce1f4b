package org.chizu.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.chizu.platform.Label;
import org.chizu.reports.photos.PhotoProcessor;
import org.chizu.reports.photos.ProcessedPhoto;
import org.chizu.reports.routing.ReportRouter;
import org.chizu.reports.routing.Routing;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives reports from residents and Open311 clients. Everything slow or refusable happens first,
 * outside any transaction: checking the fields, re-encoding the photos, routing. Then the report and
 * its photos are stored in one transaction, so when the caller hears "received" both are durable,
 * and a failure at any point leaves neither. A new report is announced as {@link ReportReceived} in
 * that transaction.
 */
@Service
public class ReportIntake {

    private static final Pattern SUBMISSION_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");
    private static final int MAX_NAME_CHARS = 100;

    private final ReportCategories categories;
    private final PhotoProcessor photos;
    private final ReportRouter router;
    private final ReportStore store;
    private final ReportsProperties properties;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    public ReportIntake(ReportCategories categories, PhotoProcessor photos, ReportRouter router, ReportStore store,
            ReportsProperties properties, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.categories = categories;
        this.photos = photos;
        this.router = router;
        this.store = store;
        this.properties = properties;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * Checks, routes and stores a report. A submission key seen before returns the earlier receipt
     * (with {@code alreadyFiled}) and stores nothing.
     *
     * @throws ReportProblem when a field is empty, too long or malformed (400; 422 for the e-mail address), a photo is too large
     *                       (413) or no JPEG/PNG (415), or the pin lies outside the municipality (422)
     */
    public Receipt submit(NewReport report) {
        CheckedReport checked = check(report);
        List<ProcessedPhoto> processed = IntStream.rangeClosed(1, report.photos().size())
                .mapToObj(position -> photos.process(position, report.photos().get(position - 1))).toList();
        Routing routing = router.route(checked.category(), checked.pin());
        return transaction.execute(tx -> {
            Receipt receipt = store.insert(checked, routing, processed);
            if (!receipt.alreadyFiled()) {
                events.publishEvent(new ReportReceived(receipt));
            }
            return receipt;
        });
    }

    private CheckedReport check(NewReport report) {
        if (report.pin() == null) {
            throw ReportProblem.badInput("地図で場所を指定してください。", "Put a pin on the map: the location is missing.");
        }
        ReportCategory category = categories.require(report.categoryCode());
        String description = optional(report.description());
        if (description == null) {
            throw ReportProblem.badInput("状況を入力してください。", "Describe the problem: the description is empty.");
        }
        if (description.length() > properties.maxDescriptionChars()) {
            throw new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE, "description-too-long", "Description too long",
                    new Label("説明は " + properties.maxDescriptionChars() + " 文字までです。",
                            "The description may be at most " + properties.maxDescriptionChars() + " characters."));
        }
        if (report.photos().size() > ReportsProperties.MAX_PHOTOS) {
            throw ReportProblem.badInput("写真は " + ReportsProperties.MAX_PHOTOS + " 枚までです。",
                    "A report may carry at most " + ReportsProperties.MAX_PHOTOS + " photos.");
        }
        String name = optional(report.reporterName());
        if (name != null && name.length() > MAX_NAME_CHARS) {
            throw ReportProblem.badInput("お名前は " + MAX_NAME_CHARS + " 文字までです。",
                    "The name may be at most " + MAX_NAME_CHARS + " characters.");
        }
        String email = ReporterEmail.checked(report.reporterEmail());
        String phone = optional(report.reporterPhone());
        if (phone != null && phone.length() > 40) {
            throw ReportProblem.badInput("電話番号が長すぎます。", "The phone number is too long.");
        }
        String key = report.submissionKey() == null ? UUID.randomUUID().toString() : report.submissionKey();
        if (!SUBMISSION_KEY.matcher(key).matches()) {
            throw ReportProblem.badInput("送信キーが正しくありません。",
                    "submissionKey must be 8 to 100 letters, digits, '-' or '_' (a UUID, say).");
        }
        return new CheckedReport(key, category, report.pin(), description, name, email, phone, report.channel(),
                report.open311Client(), checkedAnswers(category, report.attributes()));
    }

    /** The answers to the category's questions: known codes, allowed list values, required ones present. */
    private static Map<String, List<String>> checkedAnswers(ReportCategory category, Map<String, List<String>> answers) {
        Map<String, List<String>> checked = new HashMap<>();
        answers.forEach((code, values) -> {
            CategoryAttribute attribute = category.attributes().stream().filter(a -> a.code().equals(code)).findFirst()
                    .orElseThrow(() -> ReportProblem.badInput("項目 " + code + " はこの種類にありません。",
                            "Attribute " + code + " does not belong to service " + category.code() + "."));
            List<String> kept = new ArrayList<>(values.stream().map(ReportIntake::optional).filter(v -> v != null).toList());
            if (attribute.isList()) {
                kept.stream().filter(v -> attribute.values().stream().noneMatch(a -> a.key().equals(v))).findFirst()
                        .ifPresent(v -> {
                            throw ReportProblem.badInput("項目 " + code + " に '" + v + "' は選べません。",
                                    "Attribute " + code + " does not allow the value '" + v + "'.");
                        });
            }
            if (!kept.isEmpty()) {
                checked.put(code, List.copyOf(kept));
            }
        });
        category.attributes().stream().filter(a -> a.required() && !checked.containsKey(a.code())).findFirst()
                .ifPresent(a -> {
                    throw ReportProblem.badInput("項目 " + a.code() + " は必須です。", "Attribute " + a.code() + " is required.");
                });
        return checked;
    }

    private static String optional(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
