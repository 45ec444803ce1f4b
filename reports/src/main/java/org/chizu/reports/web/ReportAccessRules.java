package org.chizu.reports.web;

import java.util.List;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.ClientScope;
import org.chizu.platform.Label;
import org.chizu.reports.open311.Open311ApiKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Opens what residents and Open311 clients may send without an account: a report, a "+1", and an
 * Open311 request (which checks its own API key). Reading is open to all by default; the staff
 * API under /staff/** stays staff-only. An Open311 client's key is an API client's token with the
 * scope open311:post, which allows that POST and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ReportAccessRules {

    @Bean
    AccessRules residentReports() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/*/supporters").permitAll()
                .requestMatchers(HttpMethod.POST, "/open311/v2/requests.*").permitAll();
    }

    @Bean
    ClientScope open311Post() {
        return new ClientScope(Open311ApiKeys.SCOPE, new Label("Open311 の通報を送る", "post Open311 service requests"),
                HttpMethod.POST, List.of("/open311/v2/requests.*"));
    }
}
