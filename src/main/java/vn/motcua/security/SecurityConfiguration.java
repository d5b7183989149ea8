package vn.motcua.security;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.motcua.web.ProblemTexts;

/**
 * Who may reach what, by path prefix and role; the engine's authorizations then filter what
 * Tasklist and the engine REST API show (see {@link EngineAuthorizations}). docs/security.md has
 * the whole matrix.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Paths of the REST APIs: refusals are problem bodies, never a login page. */
    static final String[] API = {"/api/**", "/engine-rest/**"};
    static final String CSRF_COOKIE = "MOTCUA-XSRF";
    static final String CSRF_HEADER = "X-MOTCUA-XSRF";
    static final String PAYMENT_NOTICES = "/api/payments/notices";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * Camunda's webapps keep their own login, session, CSRF token and security headers (they need
     * inline scripts and frames our policy forbids); the engine's authorizations decide what each
     * officer sees in them.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SecurityProperties properties) throws Exception {
        // A plain prefix: the webapps are servlets of their own, which Spring MVC's matchers do not see.
        http.securityMatcher(request -> startsWithAny(request, "/camunda/"))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable);
        SecurityProperties.Oidc oidc = properties.oidc();
        if (!oidc.forOfficers()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .requestCache(AbstractHttpConfigurer::disable)
                    .build();
        }
        // Officers log in through the provider: the webapps' pages send them there (and back, through
        // the saved request), their API answers 401 until then; static files stay open. The webapps'
        // logout ends the whole session, else the next page would log the officer in again at once.
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(request -> startsWithAny(request, "/camunda/app/")).access(officerLogin())
                        .anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/" + oidc.officers())))
                .logout(logout -> logout
                        .logoutRequestMatcher(request -> "POST".equals(request.getMethod())
                                && startsWithAny(request, "/camunda/api/admin/auth/user/") && request.getRequestURI().endsWith("/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http, ObjectMapper json, SecurityProperties properties,
            ObjectProvider<ClientRegistrationRepository> registrations, IdentityService identity, ProcessEngine engine,
            OfficerAuthentication officers, MessageSource messages, ObjectProvider<DecidingUnits> decidingUnits)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(json, new ProblemTexts(messages));
        // The actuator too: Prometheus logs in with HTTP Basic and must get a 401, not a login page.
        RequestMatcher api = request -> startsWithAny(request, "/api/", "/engine-rest/", "/actuator/");
        http.authorizeHttpRequests(requests -> requests
                        // Citizens: the catalogue, submission and tracking (code + secret) need no login.
                        .requestMatchers(HttpMethod.GET, "/", "/thu-tuc/**", "/tra-cuu/**", "/login", "/error",
                                "/css/**", "/js/**", "/portal/**", "/images/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/tra-cuu/**", "/ho-so/**", "/error").permitAll()
                        // Public figures and the desk displays: counts and dossier codes, nothing personal.
                        .requestMatchers(HttpMethod.GET, "/thong-ke", "/man-hinh/*").permitAll()
                        // A citizen's own page: their dossiers and papers once logged in, the login link before.
                        .requestMatchers(HttpMethod.GET, "/ho-so-cua-toi").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/procedures/**", "/api/units/**", "/api/calendar/**")
                        .permitAll()
                        .requestMatchers("/api/tracking/**").permitAll()
                        // Online submissions are anonymous; counter and post intake is checked against the
                        // officer's unit by the dossier endpoint itself (the channel is in the body).
                        .requestMatchers(HttpMethod.POST, "/api/dossiers").permitAll()
                        // The fee of a dossier before it is submitted: public like the catalogue.
                        .requestMatchers(HttpMethod.POST, "/api/procedures/{key}/fee-quote").permitAll()
                        // Banks' payment notices: authenticated by their HMAC signature alone (docs/payments.md).
                        .requestMatchers(HttpMethod.POST, PAYMENT_NOTICES).permitAll()
                        .requestMatchers("/api/dossiers/{code}", "/api/dossiers/{code}/**").access(DossierCodeAccess.ofPath(decidingUnits))
                        .requestMatchers(HttpMethod.GET, "/api/notifications").access(DossierCodeAccess.ofParameter("dossier", decidingUnits))
                        .requestMatchers("/api/calendar/**").access(admin())
                        // Units, officers and roles: administrators only (docs/operations.md).
                        .requestMatchers("/api/admin/**", "/quan-tri/**").access(admin())
                        .requestMatchers("/quay/**").access(reception())
                        // Heads and supervisors; the report endpoints narrow it to the units they may read.
                        .requestMatchers("/api/reports/**").access(reportReader())
                        .requestMatchers("/bao-cao").access(reportReader())
                        // The log of reports pushed to central systems, and re-sends: administrators and supervisors of every unit.
                        .requestMatchers("/api/report-deliveries", "/api/report-deliveries/**").access(everyUnit())
                        .requestMatchers(HttpMethod.GET, "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").access(monitoring())
                        // A citizen's own dossiers: only through the citizens' OIDC login (off by default).
                        .requestMatchers(HttpMethod.GET, "/api/citizen/**").access(citizen())
                        // Everything else is for officers; a citizen's login is no officer's.
                        .anyRequest().access(officerLogin()))
                .formLogin(login -> login.loginPage("/login"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAccessDeniedHandlerFor(problems, api))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new FormOrHeaderTokens())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                // The Tasklist dossier panel reads with the session of Camunda's own login.
                .addFilterBefore(new WebappSessions(engine.getName(), officers), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                                "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'",
                                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        SecurityProperties.Oidc oidc = properties.oidc();
        if (oidc.forOfficers() || oidc.forCitizens()) {
            ClientRegistrationRepository clients = registrations.getIfAvailable();
            for (String registration : new String[] {oidc.officers(), oidc.citizens()}) {
                if (StringUtils.hasText(registration) && (clients == null || clients.findByRegistrationId(registration) == null)) {
                    throw new IllegalStateException("motcua.security.oidc names the OIDC registration '" + registration
                            + "', which spring.security.oauth2.client.registration does not define");
                }
            }
            http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcUsers(oidc, identity))));
        }
        return http.build();
    }

    /**
     * Browsers attach session cookies to forged cross-site requests; they cannot attach an
     * {@code Authorization} header. So a token is needed by every unsafe request that comes with a
     * session and without that header, and by the login form (no one may be logged in unawares).
     * Anonymous requests without a session (a citizen's online submission, a tracking look-up with
     * its secret) carry no ambient credentials to abuse.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || StringUtils.hasText(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            return false;
        }
        // A bank's notice proves itself by its signature over the body, which no forged request can carry.
        if (startsWithAny(request, PAYMENT_NOTICES)) {
            return false;
        }
        boolean session = request.getRequestedSessionId() != null && request.isRequestedSessionIdValid();
        return session || startsWithAny(request, "/login");
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        // Scripts read the token from this cookie and send it back in the header; a name of our own
        // keeps it apart from the XSRF-TOKEN cookie of Camunda's webapps.
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    private static boolean startsWithAny(HttpServletRequest request, String... prefixes) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static AuthorizationManager<RequestAuthorizationContext> officerLogin() {
        return (authentication, context) -> decide(authentication, officer -> true);
    }

    private static AuthorizationManager<RequestAuthorizationContext> citizen() {
        return (authentication, context) -> new AuthorizationDecision(Citizens.isCitizen(authentication.get()));
    }

    private static AuthorizationManager<RequestAuthorizationContext> admin() {
        return (authentication, context) -> decide(authentication, Officer::isAdmin);
    }

    private static AuthorizationManager<RequestAuthorizationContext> everyUnit() {
        return (authentication, context) -> decide(authentication, Officer::readsEveryUnit);
    }

    private static AuthorizationManager<RequestAuthorizationContext> monitoring() {
        return (authentication, context) -> decide(authentication, Officer::monitors);
    }

    private static AuthorizationManager<RequestAuthorizationContext> reception() {
        return (authentication, context) -> decide(authentication, Officer::receivesAnywhere);
    }

    private static AuthorizationManager<RequestAuthorizationContext> reportReader() {
        return (authentication, context) -> decide(authentication, Officer::readsReports);
    }

    private static AuthorizationDecision decide(Supplier<Authentication> authentication,
            java.util.function.Predicate<Officer> rule) {
        return new AuthorizationDecision(UnitAccess.officerOf(authentication.get()).filter(rule).isPresent());
    }

    /**
     * Forms rendered by Thymeleaf carry the masked token (BREACH-safe); scripts send the cookie's
     * raw value in {@link #CSRF_HEADER}.
     */
    static final class FormOrHeaderTokens implements CsrfTokenRequestHandler {

        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            if (StringUtils.hasText(request.getHeader(token.getHeaderName()))) {
                return plain.resolveCsrfTokenValue(request, token);
            }
            // A form a script built carries the cookie's raw value, which does not unmask.
            String value = masked.resolveCsrfTokenValue(request, token);
            return value != null ? value : plain.resolveCsrfTokenValue(request, token);
        }
    }

    /**
     * Tokens are made on demand; pages whose scripts post (the counter intake) render no form that
     * would ask for one, so every page an officer views makes sure the cookie is there. Anonymous
     * visitors need none (see {@link #needsCsrfToken}).
     */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            // A logged-in citizen's pages post with a session too (the submission, the logout).
            if ("GET".equals(request.getMethod()) && (UnitAccess.officerOf(user).isPresent() || Citizens.isCitizen(user))
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
