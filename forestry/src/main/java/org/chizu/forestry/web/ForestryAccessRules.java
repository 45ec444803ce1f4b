package org.chizu.forestry.web;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Anyone may see the surveys, their coverage, the CS relief tiles, the per-compartment figures and the
 * terms (GET is open by default); applying, one's organisations' applications and downloading products
 * are for signed-in residents, whose membership of an approved organisation the service checks. The
 * page's address to apply at, {@code /forestry/apply}, sends a visitor to sign in and back. Deciding and
 * the KPI are staff's ({@code /staff/**} by default). STAC's item search may be POSTed by anyone: it
 * only reads.
 */
@Configuration(proxyBeanMethods = false)
class ForestryAccessRules {

    @Bean
    AccessRules forestryAccess() {
        return requests -> requests
                .requestMatchers("/api/forestry/applications", "/api/forestry/applications/**", "/api/forestry/surveys/*/products/**")
                .hasRole(AccountKind.RESIDENT.name())
                .requestMatchers("/forestry/apply").authenticated()
                .requestMatchers(HttpMethod.POST, "/stac/search").permitAll();
    }
}
