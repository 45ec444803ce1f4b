package org.chizu.accounts.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address of this site as the current request reached it, for links in e-mails. Behind a reverse
 * proxy set {@code server.forward-headers-strategy} so that it is the public one.
 */
final class SiteUrl {

    private SiteUrl() {
    }

    static String current() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
