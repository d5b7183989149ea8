package vn.motcua.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API runs as the officer Spring Security authenticated (HTTP Basic, as Camunda
 * Modeler deploys, or the page session): Camunda's own filter takes the officer and the groups of
 * that login ({@link SpringSecurityOfficer}) and sets the engine's authentication, so the engine's
 * authorizations apply to every call. With officers' OIDC login on, Camunda's webapps take the same
 * officer instead of showing their own login page.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

    static final String PROVIDER_PARAMETER = ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(PROVIDER_PARAMETER, SpringSecurityOfficer.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
        return registration;
    }

    /**
     * Right after Spring Security, before the webapps' own session filter reads the session's
     * engine authentications (as Camunda's security starter orders it).
     */
    @Bean
    @ConditionalOnProperty("motcua.security.oidc.officers")
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsOidcAuthenticationFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapps-oidc-authentication");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.addInitParameter(PROVIDER_PARAMETER, SpringSecurityOfficer.class.getName());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
