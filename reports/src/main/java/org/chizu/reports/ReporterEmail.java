package org.chizu.reports;

import java.util.regex.Pattern;

import org.chizu.platform.Label;
import org.springframework.http.HttpStatus;

/** The check of a resident's e-mail address, the same on the report form and on a "+1". */
final class ReporterEmail {

    /** Deliberately loose: the mail server is the judge; this only catches what is clearly no address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    /** The longest address SMTP carries (RFC 5321's path limit less its brackets). */
    private static final int MAX_CHARS = 254;

    private ReporterEmail() {
    }

    /**
     * @return the address without surrounding blanks, or null when none was given
     * @throws ReportProblem (422, naming the field {@code email}) for what is clearly no address
     */
    static String checked(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String email = given.strip();
        if (email.length() > MAX_CHARS || !EMAIL.matcher(email).matches()) {
            ReportProblem problem = new ReportProblem(HttpStatus.UNPROCESSABLE_ENTITY, "bad-email", "E-mail address not valid",
                    new Label("メールアドレスの形式が正しくありません。", "The e-mail address (email) is not valid."));
            problem.getBody().setProperty("field", "email");
            throw problem;
        }
        return email;
    }
}
