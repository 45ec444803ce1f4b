package org.chizu.accounts;

import java.util.Map;

import org.chizu.platform.Label;
import org.chizu.platform.problem.ProblemException;

/**
 * Why a request about accounts was refused: the problem's {@code message} member carries the reason
 * in Japanese and English, for the pages to show.
 */
public class AccountProblem extends ProblemException {

    private final Label message;

    public AccountProblem(int status, String type, String title, Label message) {
        super(status, type, title, message.en());
        this.message = message;
    }

    public Label message() {
        return message;
    }

    @Override
    public Map<String, Object> members() {
        return Map.of("message", Map.of("ja", message.ja(), "en", message.en()));
    }

    /** Input a person can correct (400). */
    public static AccountProblem badInput(String ja, String en) {
        return new AccountProblem(400, "bad-account-input", "The input is not valid", new Label(ja, en));
    }

    /** Nothing of this kind that the caller may see (404). */
    public static AccountProblem notFound(String ja, String en) {
        return new AccountProblem(404, "not-found", "Not found", new Label(ja, en));
    }
}
