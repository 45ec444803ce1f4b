package org.chizu.accounts.web;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The one sign-in page, for staff (by user name) and residents (by e-mail address); it says who may
 * sign in. Spring Security handles the form's POST to the same address; this renders the form with
 * its CSRF token and the outcome of the last attempt, named by a query parameter.
 */
@Controller
class LoginPage {

    /** What the page says after an attempt, by the query parameter the failure handler adds. */
    private static final Map<String, String> OUTCOMES = Map.of(
            "error", Pages.error("ユーザー名（メールアドレス）またはパスワードが違います。", "Wrong user name or password."),
            "locked", Pages.error("パスワードの誤りが続いたため、このアカウントはしばらくサインインできません。時間をおいてお試しください。",
                    "This account is locked for a while after too many wrong passwords. Please try again later."),
            "unverified", Pages.error("メールアドレスがまだ確認されていません。登録時に届いたメールのリンクを開いてください。",
                    "Your e-mail address is not verified yet. Open the link in the e-mail we sent when you registered."),
            "not-staff", Pages.error("庁内アカウントでのサインインはできましたが、Chizu に対応する有効な職員アカウントがありません。管理者にお問い合わせください。",
                    "No enabled staff account in Chizu is your town account. Please ask an administrator."),
            "too-many", Pages.error("この端末からのサインインの試みが多すぎます。しばらくしてからお試しください。",
                    "Too many sign-in attempts from this address. Please try again later."),
            "logout", Pages.status("サインアウトしました。", "You have signed out."),
            "verified", Pages.status("メールアドレスを確認しました。サインインしてください。", "Your e-mail address is verified. Please sign in."),
            "reset", Pages.status("パスワードを変更しました。新しいパスワードでサインインしてください。",
                    "Your password was changed. Please sign in with the new one."));

    private final boolean identityProvider;

    LoginPage(OidcSignIn oidc) {
        this.identityProvider = oidc.enabled();
    }

    @GetMapping(path = SecurityConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(CsrfToken csrf, @RequestParam Map<String, String> parameters) {
        String outcome = OUTCOMES.keySet().stream().filter(parameters::containsKey).findFirst().orElse(null);
        return render(csrf, outcome);
    }

    String render(CsrfToken csrf, String outcome) {
        String message = outcome == null ? "" : OUTCOMES.get(outcome);
        String identityProviderLink = !identityProvider ? "" : """
                <p><a href="%s">職員: 庁内アカウントでサインイン <span lang="en">Staff: sign in with the town's account</span></a></p>
                """.formatted(OidcSignIn.START);
        return Pages.page("サインイン / Sign in", Pages.NARROW, """
                <h1>サインイン <span lang="en">Sign in</span></h1>
                <p class="who">職員サインイン: ユーザー名で <span lang="en">Staff sign-in: your user name</span><br>
                住民・団体の方: 登録したメールアドレスで <span lang="en">Residents and organisations: your registered e-mail</span></p>
                %s
                <form method="post" action="/login">
                  %s
                  <label for="username">ユーザー名またはメールアドレス <span lang="en">User name or e-mail</span></label>
                  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
                  <label for="password">パスワード <span lang="en">Password</span></label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  <button type="submit">サインイン <span lang="en">Sign in</span></button>
                </form>
                <div class="links">
                  %s
                  <p><a href="/register">利用者登録（住民・団体） <span lang="en">Register as a resident or group</span></a></p>
                  <p><a href="/password-reset">パスワードを忘れた方 <span lang="en">Forgot your password?</span></a></p>
                </div>
                <footer>
                  <p>地図は誰でもサインインせずに見られます。<br><span lang="en">Anyone can view the map without signing in.</span></p>
                  <p><a href="/">地図へ戻る <span lang="en">Back to the map</span></a></p>
                </footer>""".formatted(message, Pages.csrfField(csrf), identityProviderLink));
    }
}
