package org.chizu.accounts.web;

import org.chizu.accounts.AccountsProperties;
import org.chizu.accounts.SignIns;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Optional sign-in for staff at the town's OpenID Connect identity provider, through Spring Security's
 * OAuth2 client. Off unless {@code chizu.accounts.oidc.issuer-uri} is set; then the issuer's discovery
 * document is read at start-up (as Spring Boot does for {@code spring.security.oauth2.client.*}), the
 * sign-in page links to it, and a person the IdP vouches for is signed in as the enabled staff account
 * named by the ID token's {@code claim} (preferred_username by default). Anyone else is refused: the
 * IdP proves who someone is; Chizu's accounts still decide who is staff.
 */
@Component
class OidcSignIn {

    static final String REGISTRATION = "town";
    static final String START = "/oauth2/authorization/" + REGISTRATION;
    /** The error of a person the IdP vouches for who is no enabled staff account here. */
    static final String NOT_STAFF = "not_staff";

    private final AccountsProperties.Oidc settings;
    private final SignIns signIns;

    OidcSignIn(AccountsProperties properties, SignIns signIns) {
        this.settings = properties.oidc();
        this.signIns = signIns;
    }

    boolean enabled() {
        return settings.enabled();
    }

    void configure(HttpSecurity http, AuthenticationFailureHandler failures) throws Exception {
        if (!enabled()) {
            return;
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION).clientId(settings.clientId()).clientSecret(settings.clientSecret())
                .scope("openid", "profile", "email").build();
        OidcUserService idp = new OidcUserService();
        http.oauth2Login(login -> login.loginPage(SecurityConfiguration.LOGIN_PAGE)
                .clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> staffAccountFor(idp.loadUser(request))))
                .defaultSuccessUrl("/")
                .failureHandler(failures));
    }

    /**
     * The staff account the IdP's user is, by the configured claim.
     *
     * @throws OAuth2AuthenticationException when the claim is missing or names no enabled staff account
     */
    StaffOidcUser staffAccountFor(OidcUser user) {
        Object claim = user.getClaims().get(settings.claim());
        return signIns.enabledStaff(claim == null ? null : claim.toString())
                .map(row -> new StaffOidcUser(row.identity(), row.sessionGeneration(), user, settings.claim()))
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NOT_STAFF,
                        "no enabled staff account is named by the claim " + settings.claim(), null)));
    }
}
