package org.chizu.platform.web;

import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The session cookie: never readable by scripts, sent by browsers only with requests from this site and
 * top-level navigations to it ({@code SameSite=Lax}), and only over HTTPS once the public address is
 * https. (The server itself speaks plain HTTP; HTTPS ends at a proxy, so the public URL is what says so.)
 * Every other cookie (the CSRF token's) is {@code SameSite=Lax} too.
 */
@Component
class SessionCookies implements WebServerFactoryCustomizer<AbstractServletWebServerFactory>, Ordered {

    private final PublicAddressProperties properties;

    SessionCookies(PublicAddressProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(AbstractServletWebServerFactory factory) {
        var cookie = factory.getSession().getCookie();
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        if (properties.publicUrlIsHttps()) {
            cookie.setSecure(true);
        }
    }

    @Bean
    static CookieSameSiteSupplier everyCookieLax() {
        return CookieSameSiteSupplier.ofLax();
    }

    /** After Spring Boot's own customizer, which replaces the session settings with {@code server.servlet.session.*}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
