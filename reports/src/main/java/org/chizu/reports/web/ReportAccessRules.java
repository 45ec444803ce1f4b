package org.chizu.reports.web;

import org.chizu.accounts.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Opens what residents and Open311 clients may send without an account: a report, a "+1", and an
 * Open311 request (which checks its own API key). Reading is open to all by default; the staff
 * API under /staff/** stays staff-only.
 */
@Configuration(proxyBeanMethods = false)
class ReportAccessRules {

    @Bean
    AccessRules residentReports() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/supporters").permitAll()
                .requestMatchers(HttpMethod.POST, "/open311/v2/requests.*").permitAll();
    }
}
