package org.chizu.accounts.web;

import org.chizu.accounts.AccountProblem;
import org.chizu.accounts.PasswordPolicy;
import org.chizu.accounts.Registration;
import org.chizu.accounts.Residents;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /register}: residents register themselves, as an individual or a group (団体登録), and verify
 * their address with the link e-mailed to them ({@code /register/verify?token=…}).
 */
@Controller
class RegisterPage {

    private final Residents residents;
    private final PublicBaseUrl site;

    RegisterPage(Residents residents, PublicBaseUrl site) {
        this.residents = residents;
        this.site = site;
    }

    @GetMapping(path = "/register", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(CsrfToken csrf) {
        return page(csrf, new Registration(null, null, null, null, null, null), false, "");
    }

    @PostMapping(path = "/register", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> register(CsrfToken csrf, @ModelAttribute Registration registration,
            @RequestParam(defaultValue = "individual") String kind) {
        Registration asFilledIn = kind.equals("group") ? registration
                : new Registration(registration.email(), registration.displayName(), registration.password(), null, null,
                        registration.address());
        try {
            residents.register(asFilledIn, site.current());
        } catch (AccountProblem problem) {
            return ResponseEntity.status(problem.status()).body(page(csrf, asFilledIn, kind.equals("group"), Pages.error(problem)));
        }
        return ResponseEntity.ok(Pages.page("確認メールを送りました / Check your e-mail", Pages.NARROW, """
                <h1>確認メールを送りました <span lang="en">Check your e-mail</span></h1>
                %s
                <p><a href="/login">サインインへ <span lang="en">To sign-in</span></a></p>""".formatted(Pages.status(
                "入力したメールアドレスに確認のリンクを送りました。リンクを開くと登録が完了し、サインインできます。",
                "We sent a link to the address you entered. Open it to finish registering; then you can sign in."))));
    }

    @GetMapping(path = "/register/verify", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> verify(@RequestParam(required = false) String token) {
        if (residents.verify(token)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", SecurityConfiguration.LOGIN_PAGE + "?verified").build();
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Pages.page("リンクが無効です / Link not valid", Pages.NARROW, """
                <h1>リンクが無効です <span lang="en">This link does not work</span></h1>
                %s
                <p><a href="/register">利用者登録へ <span lang="en">To registration</span></a></p>""".formatted(Pages.error(
                "このリンクは使用済みか、期限が切れています。もう一度登録してください。",
                "The link was used already or has expired. Please register again."))));
    }

    private static String page(CsrfToken csrf, Registration filledIn, boolean group, String message) {
        return Pages.page("利用者登録 / Register", Pages.NARROW, """
                <h1>利用者登録 <span lang="en">Register</span></h1>
                <p class="who">住民の方・団体の方が登録できます。職員は管理者が作成したアカウントを使います。<br>
                <span lang="en">For residents and groups. Staff use the account their administrator created.</span></p>
                %s
                <form method="post" action="/register">
                  %s
                  <fieldset>
                    <legend>登録の種類 <span lang="en">Register as</span></legend>
                    <label class="choice"><input type="radio" name="kind" value="individual" %s> 個人 <span lang="en">An individual</span></label>
                    <label class="choice"><input type="radio" name="kind" value="group" %s> 団体 <span lang="en">A group</span></label>
                  </fieldset>
                  <div id="group-fields" %s>
                    %s
                    %s
                  </div>
                  %s
                  %s
                  <p class="hint">他の人に表示される名前です（ニックネームでも構いません）。<span lang="en">Shown to others; a nickname is fine.</span></p>
                  %s
                  <p class="hint">%d文字以上。よく使われるパスワードは使えません。<span lang="en">At least %d characters; common passwords are refused.</span></p>
                  %s
                  <p class="hint">任意。職員が理由を記録した場合にのみ見られます。<span lang="en">Optional; staff see it only when they record why.</span></p>
                  <button type="submit">登録する <span lang="en">Register</span></button>
                </form>
                <div class="links">
                  <p><a href="/login">登録済みの方はサインイン <span lang="en">Already registered? Sign in</span></a></p>
                </div>
                <script src="/accounts/register.js"></script>""".formatted(message, Pages.csrfField(csrf),
                group ? "" : "checked", group ? "checked" : "", group ? "" : "hidden",
                Pages.field("groupName", "text", "団体名", "Group name", filledIn.groupName(), "autocomplete=\"organization\""),
                Pages.field("representative", "text", "代表者名", "Representative", filledIn.representative(), "autocomplete=\"name\""),
                Pages.field("email", "email", "メールアドレス", "E-mail", filledIn.email(), "autocomplete=\"email\" required"),
                Pages.field("displayName", "text", "表示名", "Display name", filledIn.displayName(), "autocomplete=\"nickname\" required"),
                Pages.field("password", "password", "パスワード", "Password", "", "autocomplete=\"new-password\" required minlength=\""
                        + PasswordPolicy.MIN_LENGTH + "\""),
                PasswordPolicy.MIN_LENGTH, PasswordPolicy.MIN_LENGTH,
                Pages.field("address", "text", "住所", "Address", filledIn.address(), "autocomplete=\"street-address\"")));
    }
}
