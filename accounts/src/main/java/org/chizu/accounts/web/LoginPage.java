package org.chizu.accounts.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The staff sign-in page (Japanese first, English beside it). Spring Security handles the form's
 * POST to the same address; this only renders the form with its CSRF token and the outcome of the
 * last attempt.
 */
@Controller
class LoginPage {

    private final String template;

    LoginPage() {
        try {
            template = new ClassPathResource("accounts/login.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sign-in page template is missing", e);
        }
    }

    @GetMapping(path = SecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(CsrfToken csrf, @RequestParam(required = false) String error, @RequestParam(required = false) String logout) {
        return template
                .replace("{{csrfParameter}}", HtmlUtils.htmlEscape(csrf.getParameterName()))
                .replace("{{csrfToken}}", HtmlUtils.htmlEscape(csrf.getToken()))
                .replace("{{message}}", message(error != null, logout != null));
    }

    private static String message(boolean failed, boolean signedOut) {
        if (failed) {
            return """
                    <p class="message error" role="alert">ユーザー名またはパスワードが違います。<br>
                    <span lang="en">Wrong user name or password.</span></p>""";
        }
        if (signedOut) {
            return """
                    <p class="message" role="status">サインアウトしました。<br><span lang="en">You have signed out.</span></p>""";
        }
        return "";
    }
}
