package org.chizu.app.sensors;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use the sensors module's own paths beyond the defaults. Here, not in the module, because the
 * rules are written against web security, which the module's tests run without. Anyone may subscribe
 * to alerts by e-mail and press the buttons of the pages its e-mails link to (confirm, unsubscribe);
 * the registered webhooks (URLs of other systems) are staff's, reading included.
 */
@Configuration(proxyBeanMethods = false)
class SensorsAccess {

    @Bean
    AccessRules alertSubscriptionsAndWebhooks() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/alerts/subscriptions", "/alerts/subscriptions/confirm",
                        "/alerts/subscriptions/unsubscribe").permitAll()
                .requestMatchers("/api/alerts/webhooks", "/api/alerts/webhooks/**").hasRole(Role.STAFF.name());
    }
}
