package org.chizu.forestry.web;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clip jobs and whole tiles are for signed-in residents; the service checks their organisation's approved application. */
@Configuration(proxyBeanMethods = false)
class ClipAccessRules {

    @Bean
    AccessRules forestryClipAccess() {
        return requests -> requests.requestMatchers("/api/forestry/jobs", "/api/forestry/jobs/**", "/api/forestry/tiles/**")
                .hasRole(AccountKind.RESIDENT.name());
    }
}
