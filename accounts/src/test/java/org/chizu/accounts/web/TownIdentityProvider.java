package org.chizu.accounts.web;

import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect identity provider for tests: Spring Authorization Server in a context of its
 * own on a random port of {@code localhost}, with a form sign-in, a consent page, the users
 * {@code tanaka}, {@code ito} and {@code visitor} and one client, Chizu, whose redirect URI is on {@code 127.0.0.1}
 * at any port (loopback redirect URIs may vary their port). Chizu must be reached at {@code 127.0.0.1}:
 * the two servers' session cookies then stay apart, as they do between two real hosts. Not a
 * {@code @Configuration}, so the accounts test application's component scan never picks it up.
 */
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
final class TownIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "chizu";
    static final String CLIENT_SECRET = "chizu-secret";
    static final String PASSWORD = "idp-password";

    private static final String CLIENT = "spring.security.oauth2.authorizationserver.client.chizu.";

    private final ConfigurableApplicationContext context;

    private TownIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static TownIdentityProvider start() {
        return new TownIdentityProvider(new SpringApplicationBuilder(TownIdentityProvider.class)
                .main(TownIdentityProvider.class).web(WebApplicationType.SERVLET)
                .properties(Map.of(
                        "server.port", "0",
                        CLIENT + "registration.client-id", CLIENT_ID,
                        CLIENT + "registration.client-secret", "{noop}" + CLIENT_SECRET,
                        CLIENT + "registration.client-authentication-methods", "client_secret_basic",
                        CLIENT + "registration.authorization-grant-types", "authorization_code",
                        CLIENT + "registration.redirect-uris", "http://127.0.0.1/login/oauth2/code/" + OidcSignIn.REGISTRATION,
                        CLIENT + "registration.scopes", "openid,profile,email",
                        CLIENT + "require-authorization-consent", "true"))
                .run());
    }

    /** The issuer, as the IdP's discovery document names it when asked at this address. */
    String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    @Bean
    InMemoryUserDetailsManager townUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername("tanaka").password("{noop}" + PASSWORD).roles("USER").build(),
                User.withUsername("ito").password("{noop}" + PASSWORD).roles("USER").build(),
                User.withUsername("visitor").password("{noop}" + PASSWORD).roles("USER").build());
    }

    /** The town's user name goes in the ID token, as identity providers such as Keycloak put it. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> preferredUsername() {
        return token -> {
            if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
                token.getClaims().claim("preferred_username", token.getPrincipal().getName());
            }
        };
    }
}
