package org.chizu.reports;

import java.net.URI;
import java.util.Map;

import org.chizu.platform.Label;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Why a report, a photo or a request about reports was refused. Becomes RFC 9457 problem+json in the
 * application's problem handler (and an Open311 error body on the Open311 API); the {@code message}
 * property carries the reason in Japanese and English for the report page to show.
 */
public class ReportProblem extends ErrorResponseException {

    private final Label message;

    public ReportProblem(HttpStatus status, String type, String title, Label message) {
        super(status, problem(status, type, title, message), null);
        this.message = message;
    }

    public Label message() {
        return message;
    }

    @Override
    public String getMessage() {
        return message.en();
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, Label message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message.en());
        problem.setType(URI.create("urn:chizu:problem:" + type));
        problem.setTitle(title);
        problem.setProperty("message", Map.of("ja", message.ja(), "en", message.en()));
        return problem;
    }

    /** Input a person can correct: empty, too long, malformed (400). */
    public static ReportProblem badInput(String ja, String en) {
        return new ReportProblem(HttpStatus.BAD_REQUEST, "bad-report", "The report is not valid", new Label(ja, en));
    }

    /** No report with this number that the caller may see (404). */
    public static ReportProblem unknownReport(long id) {
        return new ReportProblem(HttpStatus.NOT_FOUND, "unknown-report", "Unknown report",
                new Label("通報 " + id + " は見つかりません。", "There is no report " + id + "."));
    }
}
