package org.chizu.app.webmap;

/**
 * Until the accounts module configures who may see what, Spring Boot's default security would ask
 * for a login on every page; these tests of public pages switch that default off, and only that.
 */
final class PublicPages {

    static final String WITHOUT_DEFAULT_LOGIN = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration";

    private PublicPages() {
    }
}
