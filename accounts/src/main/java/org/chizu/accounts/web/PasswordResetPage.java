package org.chizu.accounts.web;

import org.chizu.accounts.AccountProblem;
import org.chizu.accounts.PasswordPolicy;
import org.chizu.accounts.Residents;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /password-reset}: a resident asks for a link by e-mail, then chooses a new password at
 * {@code /password-reset/new?token=…}. The answer to the request is the same whether or not the
 * address is registered. Setting the new password ends the account's other sessions.
 */
@Controller
class PasswordResetPage {

    private final Residents residents;
    private final PublicBaseUrl site;

    PasswordResetPage(Residents residents, PublicBaseUrl site) {
        this.residents = residents;
        this.site = site;
    }

    @GetMapping(path = "/password-reset", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(CsrfToken csrf) {
        return requestPage(csrf, "", "");
    }

    @PostMapping(path = "/password-reset", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> request(CsrfToken csrf, @RequestParam(defaultValue = "") String email) {
        try {
            residents.requestPasswordReset(email, site.current());
        } catch (AccountProblem problem) {
            return ResponseEntity.status(problem.status()).body(requestPage(csrf, email, Pages.error(problem)));
        }
        return ResponseEntity.ok(Pages.page("メールを確認してください / Check your e-mail", Pages.NARROW, """
                <h1>メールを確認してください <span lang="en">Check your e-mail</span></h1>
                %s""".formatted(Pages.status(
                "登録されているアドレスであれば、パスワード再設定のリンクを送りました。",
                "If the address is registered, we sent it a link to reset the password."))));
    }

    @GetMapping(path = "/password-reset/new", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> newPasswordForm(CsrfToken csrf, @RequestParam(required = false) String token) {
        if (!residents.resetLinkWorks(token)) {
            return brokenLink();
        }
        return ResponseEntity.ok(newPasswordPage(csrf, token, ""));
    }

    @PostMapping(path = "/password-reset/new", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> setNewPassword(CsrfToken csrf, @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password) {
        try {
            if (!residents.resetPassword(token, password)) {
                return brokenLink();
            }
        } catch (AccountProblem problem) {
            return ResponseEntity.status(problem.status()).body(newPasswordPage(csrf, token, Pages.error(problem)));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", SecurityConfiguration.LOGIN_PAGE + "?reset").build();
    }

    private static ResponseEntity<String> brokenLink() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Pages.page("リンクが無効です / Link not valid", Pages.NARROW, """
                <h1>リンクが無効です <span lang="en">This link does not work</span></h1>
                %s
                <p><a href="/password-reset">もう一度リンクを送る <span lang="en">Send a new link</span></a></p>""".formatted(Pages.error(
                "このリンクは使用済みか、期限が切れています。", "The link was used already or has expired."))));
    }

    private static String requestPage(CsrfToken csrf, String email, String message) {
        return Pages.page("パスワードの再設定 / Reset password", Pages.NARROW, """
                <h1>パスワードの再設定 <span lang="en">Reset your password</span></h1>
                <p class="who">住民・団体の方は、登録したメールアドレスにリンクを送ります。職員は管理者に依頼してください。<br>
                <span lang="en">Residents and groups get a link at their registered address. Staff ask their administrator.</span></p>
                %s
                <form method="post" action="/password-reset">
                  %s
                  %s
                  <button type="submit">リンクを送る <span lang="en">Send the link</span></button>
                </form>
                <div class="links"><p><a href="/login">サインインへ <span lang="en">To sign-in</span></a></p></div>"""
                .formatted(message, Pages.csrfField(csrf),
                        Pages.field("email", "email", "メールアドレス", "E-mail", email, "autocomplete=\"email\" required")));
    }

    private static String newPasswordPage(CsrfToken csrf, String token, String message) {
        return Pages.page("新しいパスワード / New password", Pages.NARROW, """
                <h1>新しいパスワード <span lang="en">Choose a new password</span></h1>
                %s
                <form method="post" action="/password-reset/new">
                  %s
                  <input type="hidden" name="token" value="%s">
                  %s
                  <p class="hint">%d文字以上。よく使われるパスワードは使えません。<span lang="en">At least %d characters; common passwords are refused.</span></p>
                  <button type="submit">変更する <span lang="en">Change the password</span></button>
                </form>""".formatted(message, Pages.csrfField(csrf), Pages.escape(token),
                Pages.field("password", "password", "新しいパスワード", "New password", "",
                        "autocomplete=\"new-password\" required minlength=\"" + PasswordPolicy.MIN_LENGTH + "\""),
                PasswordPolicy.MIN_LENGTH, PasswordPolicy.MIN_LENGTH));
    }
}
