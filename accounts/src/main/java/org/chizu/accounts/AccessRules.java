package org.chizu.accounts;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Lets a module open or close its own paths. Every bean of this type is applied, in {@code @Order},
 * before the defaults, which are:
 * <ul>
 *   <li>{@code /api/jobs/**}: anyone signed in (background jobs show only their owner's, and all to staff);</li>
 *   <li>{@code /admin/**}: admins only;</li>
 *   <li>{@code /staff/**}: staff (admins included);</li>
 *   <li>any other GET or HEAD: everyone, the anonymous public included;</li>
 *   <li>any other method (POST, PUT, PATCH, DELETE …): staff.</li>
 * </ul>
 * A resident's report, for example, is opened to the public with
 * <pre>{@code
 * @Bean
 * AccessRules residentReports() {
 *     return requests -> requests.requestMatchers(HttpMethod.POST, "/api/reports").permitAll();
 * }
 * }</pre>
 * Rules match first-come, so a module should name only its own paths. A device's or API client's
 * token is judged before all of them, by its scopes alone ({@link ClientScope}). Hiding data from the public
 * inside an open path (staff-only layers) is the service's job, through {@link CurrentAudience}.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
