package org.chizu.opendata.download;

import org.chizu.accounts.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Exports are open to every signed-in caller, not to staff alone as other POSTs are; the public may download. */
@Configuration(proxyBeanMethods = false)
class ExportAccessRules {

    @Bean
    AccessRules exportsForEveryoneSignedIn() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/exports").authenticated();
    }
}
