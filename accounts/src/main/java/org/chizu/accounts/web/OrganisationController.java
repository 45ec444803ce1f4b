package org.chizu.accounts.web;

import java.net.URI;
import java.util.Map;

import org.chizu.accounts.AccountProblem;
import org.chizu.accounts.Identity;
import org.chizu.accounts.OrganisationApplication;
import org.chizu.accounts.Organisations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in resident applies for an organisation ({@code /organisations/apply}, page and API) and,
 * once staff approved it, adds members as its administrator.
 */
@RestController
class OrganisationController {

    /** The member to add: a verified resident's e-mail address, and member (default) or admin. */
    record NewMember(String email, String role) {
    }

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @PostMapping(path = "/api/organisations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> apply(Authentication authentication, @RequestBody OrganisationApplication application) {
        long id = organisations.apply(signedIn(authentication), application);
        return ResponseEntity.created(URI.create("/api/organisations/" + id)).body(Map.of("id", id, "status", "pending"));
    }

    @PostMapping(path = "/api/organisations/{id}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> addMember(Authentication authentication, @PathVariable long id, @RequestBody NewMember member) {
        organisations.addMember(id, signedIn(authentication), member.email(), member.role());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/organisations/apply", produces = MediaType.TEXT_HTML_VALUE)
    String form(CsrfToken csrf) {
        return page(csrf, new OrganisationApplication(null, null, null, null), "");
    }

    @PostMapping(path = "/organisations/apply", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> applyByForm(Authentication authentication, CsrfToken csrf, @ModelAttribute OrganisationApplication application) {
        try {
            organisations.apply(signedIn(authentication), application);
        } catch (AccountProblem problem) {
            return ResponseEntity.status(problem.status()).body(page(csrf, application, Pages.error(problem)));
        }
        return ResponseEntity.ok(Pages.page("申請を受け付けました / Application received", Pages.NARROW, """
                <h1>申請を受け付けました <span lang="en">Application received</span></h1>
                %s
                <p><a href="/">地図へ戻る <span lang="en">Back to the map</span></a></p>""".formatted(Pages.status(
                "職員が確認して承認すると、あなたが団体の管理者としてメンバーを追加できるようになります。",
                "Once staff approve it, you can add members as the organisation's administrator."))));
    }

    private static Identity signedIn(Authentication authentication) {
        return Identity.of(authentication).orElseThrow(() -> new IllegalStateException("the access rules let only residents here"));
    }

    private static String page(CsrfToken csrf, OrganisationApplication filledIn, String message) {
        return Pages.page("団体の登録申請 / Apply for an organisation", Pages.NARROW, """
                <h1>団体の登録申請 <span lang="en">Apply for an organisation</span></h1>
                <p class="who">林業事業体などの団体を登録します。職員の承認後、申請者が団体の管理者になります。<br>
                <span lang="en">For organisations such as forestry firms. Once staff approve it, you administer it.</span></p>
                %s
                <form method="post" action="/organisations/apply">
                  %s
                  %s
                  %s
                  %s
                  %s
                  <button type="submit">申請する <span lang="en">Apply</span></button>
                </form>""".formatted(message, Pages.csrfField(csrf),
                Pages.field("name", "text", "団体名", "Name", filledIn.name(), "autocomplete=\"organization\" required"),
                Pages.field("address", "text", "所在地", "Address", filledIn.address(), "autocomplete=\"street-address\" required"),
                Pages.field("representative", "text", "代表者名", "Representative", filledIn.representative(), "required"),
                Pages.field("contact", "text", "連絡先（電話またはメール）", "Contact (phone or e-mail)", filledIn.contact(), "required")));
    }
}
