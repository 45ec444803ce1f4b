package org.chizu.catalog.sparql;

import org.chizu.accounts.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** SPARQL clients POST long queries; the endpoint only reads, so those calls are as public as the GETs. */
@Configuration(proxyBeanMethods = false)
class SparqlAccessRules {

    @Bean
    AccessRules sparqlQueriesArePublic() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/sparql").permitAll();
    }
}
