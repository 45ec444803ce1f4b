package org.chizu.counters.web;

import org.chizu.accounts.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Anyone may take a ticket (at the kiosk, or from a phone where the office allows it) and look at
 * offices, queues and tickets (GET is open by default); calling tickets is staff's (any other method
 * is staff's by default, and /staff/** is staff's).
 */
@Configuration(proxyBeanMethods = false)
class CountersAccessRules {

    @Bean
    AccessRules countersAccess() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/counters/offices/*/tickets").permitAll();
    }
}
