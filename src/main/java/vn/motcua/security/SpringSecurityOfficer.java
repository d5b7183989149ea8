package vn.motcua.security;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.context.SecurityContextHolder;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells Camunda (the engine REST API, and the webapps when officers log in through OIDC) which
 * officer Spring Security authenticated, with the groups of that login: the identity service's for
 * passwords, the token's or the identity service's for OIDC. Citizens and anonymous requests are
 * nobody to Camunda. Camunda instantiates it by class name, hence public.
 */
public class SpringSecurityOfficer implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return UnitAccess.officerOf(SecurityContextHolder.getContext().getAuthentication())
                .map(officer -> {
                    AuthenticationResult result = AuthenticationResult.successful(officer.id());
                    result.setGroups(List.copyOf(officer.groups()));
                    return result;
                })
                .orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security has already answered unauthenticated requests with its own challenge.
    }
}
