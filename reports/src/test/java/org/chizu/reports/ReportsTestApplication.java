package org.chizu.reports;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.ApiTokens;
import org.chizu.accounts.ClientScopes;
import org.chizu.accounts.CurrentAudience;
import org.chizu.platform.web.PublicBaseUrl;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The reports module with the layer registry and nothing else: the application module depends on
 * this one, so the tests cannot start it. The layer registry's start-up check also proves the
 * public {@code reports} layer matches its view.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.gis", "org.chizu.reports", "org.chizu.platform.events", "org.chizu.platform.audit",
        "org.chizu.platform.mail"})
@ConfigurationPropertiesScan("org.chizu")
// Open311 keys are API clients' tokens, kept by the accounts module; its staff accounts are the assignees.
// The public base URL makes the links in residents' e-mails.
@Import({CurrentAudience.class, ApiClients.class, ApiTokens.class, ClientScopes.class, PublicBaseUrl.class})
class ReportsTestApplication {

    /** Apart, for a scan on the application class itself would replace its own. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.chizu.accounts", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = "org\\.chizu\\.accounts\\.(StaffAccounts|PasswordHashing)"))
    static class StaffAccountsOnly {
    }
}
