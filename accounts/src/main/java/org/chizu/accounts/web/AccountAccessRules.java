package org.chizu.accounts.web;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registration and password reset are open to everyone; applying for and running an organisation is
 * for signed-in residents. Staff pages and APIs stay under /staff/** (staff only by default).
 */
@Configuration(proxyBeanMethods = false)
class AccountAccessRules {

    @Bean
    AccessRules residentAccounts() {
        String resident = AccountKind.RESIDENT.name();
        return requests -> requests
                .requestMatchers("/register", "/register/verify", "/password-reset", "/password-reset/new").permitAll()
                .requestMatchers("/organisations/**", "/api/organisations/**").hasRole(resident);
    }
}
