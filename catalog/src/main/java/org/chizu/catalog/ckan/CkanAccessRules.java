package org.chizu.catalog.ckan;

import org.chizu.accounts.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** CKAN clients POST their read-only queries as JSON; those calls are as public as the GETs. */
@Configuration(proxyBeanMethods = false)
class CkanAccessRules {

    @Bean
    AccessRules ckanActionsArePublic() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/3/action/*", "/api/action/*").permitAll();
    }
}
