package org.chizu.reports;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.ApiTokens;
import org.chizu.accounts.ClientScopes;
import org.chizu.accounts.CurrentAudience;
import org.chizu.accounts.StaffAccounts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The reports module with the layer registry and nothing else: the application module depends on
 * this one, so the tests cannot start it. The layer registry's start-up check also proves the
 * public {@code reports} layer matches its view.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.gis", "org.chizu.reports", "org.chizu.platform.events", "org.chizu.platform.audit"})
@ConfigurationPropertiesScan("org.chizu")
// Open311 keys are API clients' tokens, kept by the accounts module; its staff accounts are the assignees.
@Import({CurrentAudience.class, ApiClients.class, ApiTokens.class, ClientScopes.class, StaffAccounts.class})
class ReportsTestApplication {

    /** Staff accounts, whom reports are assigned to, need one (the accounts module's own is not public). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
