package org.chizu.app.layers;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Declaring and removing layers changes what every visitor sees, so it is for admins only. */
@Configuration(proxyBeanMethods = false)
class LayerAccess {

    @Bean
    AccessRules layerDeclarationsAreForAdmins() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/layers").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.DELETE, "/api/layers/*").hasRole(Role.ADMIN.name());
    }
}
