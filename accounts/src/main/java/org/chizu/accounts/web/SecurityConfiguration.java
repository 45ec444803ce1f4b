package org.chizu.accounts.web;

import java.util.LinkedHashMap;
import java.util.Set;

import org.chizu.accounts.AccessRules;
import org.chizu.accounts.AccountKind;
import org.chizu.accounts.AccountSignIn;
import org.chizu.accounts.AccountsProperties;
import org.chizu.accounts.ApiTokens;
import org.chizu.accounts.ClientScopes;
import org.chizu.accounts.EmailNotVerifiedException;
import org.chizu.accounts.Identity;
import org.chizu.accounts.Role;
import org.chizu.accounts.SignInLockout;
import org.chizu.accounts.SignIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may do what over HTTP. The anonymous public reads; staff (by name) and residents (by e-mail
 * address) sign in with one form (a session cookie, CSRF-protected); staff, devices and API clients
 * send an API token (stateless, no CSRF needed: a browser never adds the header by itself). A device
 * or client token reaches only what its scopes allow ({@link ClientScopes}) and gets 403 anywhere else.
 * A session ends on its next request once its account is disabled or given a new password
 * ({@link EndedSessions}). Modules add their own rules through {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    /** Admins may do everything staff may, so rules name only the least role they need. */
    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.ADMIN.authority() + " > " + Role.STAFF.authority());
    }

    /**
     * Password sign-in: locked and disabled accounts are refused before the password is checked, so
     * the answer tells nothing about it; a resident's unverified address only after, so only its owner
     * learns of it.
     */
    @Bean
    DaoAuthenticationProvider passwordSignIn(SignIns signIns, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(signIns);
        provider.setPasswordEncoder(passwords);
        provider.setPostAuthenticationChecks(user -> {
            if (user instanceof AccountSignIn signIn && !signIn.emailVerified()) {
                throw new EmailNotVerifiedException();
            }
        });
        return provider;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignIns signIns, ApiTokens tokens, ClientScopes scopes,
            SignInLockout lockout, LoginPage loginPage, OidcSignIn oidc, AccountsProperties properties,
            ObjectProvider<AccessRules> moduleRules,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        ProblemResponses problems = new ProblemResponses(resolver);
        BearerTokens bearerTokens = new BearerTokens();
        RequestMatcher browserPages = browserPages();
        SignInOutcomes outcomes = new SignInOutcomes(lockout);

        http.authorizeHttpRequests(requests -> {
            requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
            requests.requestMatchers(SecurityConfiguration::fromClient).access(withinScopes(scopes));
            moduleRules.orderedStream().forEach(rules -> rules.apply(requests));
            // Live events are open to all; the events module's topic policy decides per topic.
            // Background jobs belong to whoever submitted them: any signed-in caller, who sees only their own.
            requests.requestMatchers(HttpMethod.GET, "/events").permitAll()
                    .requestMatchers("/jobs", "/api/jobs/**").authenticated()
                    .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                    .requestMatchers("/staff/**").hasRole(Role.STAFF.name())
                    .requestMatchers(HttpMethod.GET).permitAll()
                    .requestMatchers(HttpMethod.HEAD).permitAll()
                    .anyRequest().hasRole(Role.STAFF.name());
        });
        http.addFilterAfter(new EndedSessions(signIns), SecurityContextHolderFilter.class);
        http.addFilterBefore(apiTokenFilter(tokens, bearerTokens, problems), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new SignInRateLimit(properties.signIn(), loginPage), UsernamePasswordAuthenticationFilter.class);
        http.formLogin(form -> form.loginPage(LOGIN_PAGE).successHandler(outcomes).failureHandler(outcomes).permitAll());
        oidc.configure(http, outcomes);
        http.logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"));
        http.csrf(csrf -> csrf
                .csrfTokenRepository(csrfCookie())
                .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                .requireCsrfProtectionMatcher(new CookieSessionChanges())
                .ignoringRequestMatchers(bearerTokens));
        http.requestCache(cache -> cache.requestCache(requestCacheFor(browserPages)));
        http.exceptionHandling(errors -> errors
                .authenticationEntryPoint(entryPoint(browserPages, problems))
                .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The CSRF token's cookie: the pages' scripts read it to send it back as a header (a token that is no
     * secret from this site's own scripts), so it cannot be HttpOnly; it is Secure when the request reached
     * the public address over HTTPS, and SameSite=Lax as every cookie ({@code platform.web.SessionCookies}).
     */
    private static CookieCsrfTokenRepository csrfCookie() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    /** A request made with a device's or API client's token (the authorization rules run after authentication). */
    private static boolean fromClient(HttpServletRequest request) {
        return Identity.of(SecurityContextHolder.getContext().getAuthentication())
                .map(identity -> identity.kind() == AccountKind.CLIENT).orElse(false);
    }

    private static AuthorizationManager<RequestAuthorizationContext> withinScopes(ClientScopes scopes) {
        return (authentication, context) -> new AuthorizationDecision(Identity.of(authentication.get())
                .map(client -> scopes.allow(client.rights(), context.getRequest().getMethod(),
                        context.getRequest().getRequestURI().substring(context.getRequest().getContextPath().length())))
                .orElse(false));
    }

    /** Authenticates {@code Authorization: Bearer} requests for that request only, never for a session. */
    private static AuthenticationFilter apiTokenFilter(ApiTokens tokens, BearerTokens bearerTokens,
            ProblemResponses problems) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(new ApiTokenAuthenticationProvider(tokens)), bearerTokens);
        filter.setRequestMatcher(bearerTokens);
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return filter;
    }

    /** A person's browser asking for a page (not the API): they are sent to sign in instead of an error. */
    private static RequestMatcher browserPages() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new AndRequestMatcher(new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**")), html);
    }

    private static AuthenticationEntryPoint entryPoint(RequestMatcher browserPages, ProblemResponses problems) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
        entryPoints.put(browserPages, new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(problems);
        return entryPoint;
    }

    /** Only a page is worth returning to after sign-in; remembering API calls would create sessions. */
    private static HttpSessionRequestCache requestCacheFor(RequestMatcher browserPages) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"), browserPages));
        return cache;
    }
}
