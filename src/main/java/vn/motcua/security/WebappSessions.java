package vn.motcua.security;

import java.io.IOException;
import java.util.Set;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An officer logged in to Camunda's webapps (their own login, kept in the HTTP session) reads the
 * dossier of a task through our API without logging in a second time: the Tasklist dossier panel
 * calls {@code GET /api/dossiers/...} with the session cookie. Only reads, and only for this one
 * request: nothing is stored in the session, and no state-changing call is ever let through on the
 * webapps' session (it has no token of ours against forged requests). The officer is the engine's
 * user with the engine's groups, exactly as our own login makes them; the API's own rules (the
 * dossier's unit) then apply.
 */
final class WebappSessions extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");
    static final String[] PATHS = {"/api/dossiers/", "/api/payments/"};

    private final String engineName;
    private final OfficerAuthentication officers;

    WebappSessions(String engineName, OfficerAuthentication officers) {
        this.engineName = engineName;
        this.officers = officers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!READS.contains(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : PATHS) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext current = SecurityContextHolder.getContext();
        HttpSession session = request.getSession(false);
        if (current.getAuthentication() != null && current.getAuthentication().isAuthenticated()
                && !(current.getAuthentication() instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
        Authentication officer = webapps == null ? null : webapps.getAuthenticationForProcessEngine(engineName);
        if (officer == null || officer.getName() == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer.getName(), null,
                officers.authorities(officer.getName())));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(current);
        }
    }
}
