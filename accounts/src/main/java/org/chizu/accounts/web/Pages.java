package org.chizu.accounts.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.chizu.accounts.AccountProblem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The frame of the accounts pages (sign-in, registration, password reset, organisations): Japanese
 * first with English beside it, one column that fits a phone. Pages are small server-rendered forms,
 * so they work without JavaScript.
 */
final class Pages {

    static final String NARROW = "narrow";
    static final String WIDE = "wide";

    private static final String FRAME;

    static {
        try {
            FRAME = new ClassPathResource("accounts/page.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the accounts page frame is missing", e);
        }
    }

    private Pages() {
    }

    /** A whole page; {@code content} is HTML, everything in it from people already escaped. */
    static String page(String title, String layout, String content) {
        return FRAME.replace("{{title}}", escape(title)).replace("{{layout}}", layout).replace("{{content}}", content);
    }

    /** The hidden field that carries the form's CSRF token. */
    static String csrfField(CsrfToken csrf) {
        return "<input type=\"hidden\" name=\"" + escape(csrf.getParameterName()) + "\" value=\"" + escape(csrf.getToken()) + "\">";
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }

    static String status(String ja, String en) {
        return "<p class=\"message\" role=\"status\">" + ja + "<br><span lang=\"en\">" + en + "</span></p>";
    }

    static String error(String ja, String en) {
        return "<p class=\"message error\" role=\"alert\">" + ja + "<br><span lang=\"en\">" + en + "</span></p>";
    }

    static String error(AccountProblem problem) {
        return error(escape(problem.message().ja()), escape(problem.message().en()));
    }

    /** A text field with its bilingual label; {@code value} is what the person typed before. */
    static String field(String name, String type, String ja, String en, String value, String attributes) {
        return """
                <label for="%1$s">%3$s <span lang="en">%4$s</span></label>
                <input id="%1$s" name="%1$s" type="%2$s" value="%5$s" %6$s>""".formatted(
                name, type, ja, en, escape(value), attributes);
    }
}
