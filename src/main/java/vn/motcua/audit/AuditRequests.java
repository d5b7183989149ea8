package vn.motcua.audit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.context.event.EventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.security.UnitAccess;

/**
 * Audits what happens to dossiers through the APIs by path, so that every capability's endpoint
 * under {@code /api/dossiers/{code}/} is covered without code of its own: submissions, reads (a
 * document's content as {@link AuditAction#DOCUMENT_READ}) and changes that succeeded; and failed
 * logins, ours and those of Camunda's webapps.
 */
@Configuration(proxyBeanMethods = false)
class AuditRequests {

    private static final Pattern DOSSIER_PATH = Pattern.compile("/api/dossiers/([^/]+)(?:/(.*))?");
    private static final Pattern CREATED = Pattern.compile(".*/api/dossiers/([^/?]+)");
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final AuditTrail trail;
    private final UnitAccess access;

    AuditRequests(AuditTrail trail, UnitAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter() {
        // After Spring Security's filters (-100): the officer of the request is known.
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter());
        registration.setOrder(0);
        registration.addUrlPatterns("/api/dossiers", "/api/dossiers/*", "/camunda/api/admin/auth/user/*");
        return registration;
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        trail.record(event.getAuthentication().getName(), AuditAction.LOGIN_FAILED, null, null, "motcua",
                event.getException().getClass().getSimpleName(), address);
    }

    final class AuditFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (WEBAPP_LOGIN.matcher(path).matches() && "POST".equals(request.getMethod())) {
                ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, 4096);
                chain.doFilter(cached, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                    trail.record(formValue(cached, "username"), AuditAction.LOGIN_FAILED, null, null, "camunda webapps",
                            null, request.getRemoteAddr());
                }
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                recordDossierRequest(path, request, response);
            }
        }

        private void recordDossierRequest(String path, HttpServletRequest request, HttpServletResponse response) {
            String method = request.getMethod();
            if ("/api/dossiers".equals(path) && "POST".equals(method)) {
                Matcher created = CREATED.matcher(String.valueOf(response.getHeader(HttpHeaders.LOCATION)));
                if (created.matches()) {
                    String code = created.group(1);
                    trail.record(access.actor(), AuditAction.SUBMITTED, code, UnitAccess.unitOfDossier(code), null,
                            null, request.getRemoteAddr());
                }
                return;
            }
            Matcher dossier = DOSSIER_PATH.matcher(path);
            if (!dossier.matches()) {
                return;
            }
            String code = dossier.group(1);
            String target = dossier.group(2);
            boolean read = "GET".equals(method);
            AuditAction action = !read ? AuditAction.CHANGED
                    : target != null && target.startsWith("documents/") ? AuditAction.DOCUMENT_READ : AuditAction.READ;
            trail.record(access.actor(), action, code, UnitAccess.unitOfDossier(code), target, read ? null : method,
                    request.getRemoteAddr());
        }
    }

    private static String formValue(ContentCachingRequestWrapper request, String name) {
        String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(pair.substring(0, equals))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "unknown";
    }
}
