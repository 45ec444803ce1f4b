package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.chizu.accounts.AccountsProperties;
import org.chizu.accounts.Role;
import org.chizu.accounts.SignIns;
import org.chizu.accounts.StaffAccounts;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Which staff account a person signed in at the town's identity provider becomes. The whole sign-in
 * at a real IdP, redirects and code exchange included, is {@link OidcSignInEndToEndTest}'s.
 */
class OidcSignInTest {

    static StaffAccounts accounts;
    static SignIns signIns;

    @BeforeAll
    static void migrate() {
        JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.migrated().dataSource());
        accounts = new StaffAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), new AuditLog(jdbc));
        signIns = new SignIns(jdbc);
    }

    @Test
    void theIdpsUserIsTheEnabledStaffAccountNamedByTheConfiguredClaim() {
        accounts.create("tanaka.k", "田中 健", Role.ADMIN);
        OidcSignIn oidc = oidc("preferred_username");

        StaffOidcUser user = oidc.staffAccountFor(idpUser(Map.of("preferred_username", "tanaka.k", "email", "t@example.lg.jp")));

        assertThat(user.getName()).isEqualTo("tanaka.k");
        assertThat(user.identity().role()).isEqualTo(Role.ADMIN);
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void anotherClaimMayNameTheAccount() {
        accounts.create("sato", Role.STAFF);

        assertThat(oidc("email").staffAccountFor(idpUser(Map.of("email", "sato", "preferred_username", "someone")))
                .identity().name()).isEqualTo("sato");
    }

    @Test
    void someoneWithoutAnEnabledStaffAccountIsRefused() {
        accounts.create("ito", Role.STAFF);
        accounts.disable("ito");
        OidcSignIn oidc = oidc("preferred_username");

        assertThatThrownBy(() -> oidc.staffAccountFor(idpUser(Map.of("preferred_username", "ito"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.staffAccountFor(idpUser(Map.of("preferred_username", "visitor"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> oidc.staffAccountFor(idpUser(Map.of("email", "ito"))))
                .as("the claim is missing").isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void itIsOffUnlessAnIssuerIsConfigured() {
        assertThat(new OidcSignIn(AccountsProperties.defaults(), signIns).enabled()).isFalse();
        assertThat(new LoginPage(new OidcSignIn(AccountsProperties.defaults(), signIns))
                .render(new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "t"), null))
                .doesNotContain(OidcSignIn.START);
    }

    private static OidcSignIn oidc(String claim) {
        return new OidcSignIn(new AccountsProperties(null, null, null,
                new AccountsProperties.Oidc("https://idp.example.lg.jp/realms/town", "chizu", "secret", claim)), signIns);
    }

    private static DefaultOidcUser idpUser(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.put("sub", "f3a1");
        all.put("iss", "https://idp.example.lg.jp/realms/town");
        OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), all);
        return new DefaultOidcUser(List.of(), token, "sub");
    }
}
