package org.chizu.tiles;

import org.chizu.accounts.CurrentAudience;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The tile server with the layer registry, the shared problem+json handler and the OGC API root: the application
 * module (which assembles everything) depends on this one, so the tests cannot start it.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.gis", "org.chizu.tiles", "org.chizu.platform.web", "org.chizu.platform.ogc", "org.chizu.platform.jobs", "org.chizu.platform.events", "org.chizu.platform.audit"})
@ConfigurationPropertiesScan("org.chizu")
@Import(CurrentAudience.class)
class TileServerTestApplication {

    /**
     * Anyone may call; who is signed in only decides the audience, as the accounts module will
     * decide for the real application. Tests sign in with {@code @WithMockUser}.
     */
    @Bean
    SecurityFilterChain openToEveryone(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
