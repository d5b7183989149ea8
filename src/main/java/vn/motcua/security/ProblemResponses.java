package vn.motcua.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.motcua.web.DatabaseOutage;
import vn.motcua.web.ProblemTexts;

/**
 * Spring Security's refusals as RFC 7807 problem bodies, like every other refusal of the API: 401
 * (with the Basic challenge the engine REST API's clients, such as Camunda Modeler, expect) and 403.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final ProblemTexts texts;

    ProblemResponses(ObjectMapper json, ProblemTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof OfficerAuthentication.DatabaseUnavailable) {
            ProblemDetail problem = DatabaseOutage.problem(texts);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            DatabaseOutage.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"motcua\"");
        write(request, response, texts.problem(HttpStatus.UNAUTHORIZED, "security.title.unauthenticated",
                "security.unauthenticated"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, texts.problem(HttpStatus.FORBIDDEN, "security.title.forbidden", "security.forbidden"));
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
