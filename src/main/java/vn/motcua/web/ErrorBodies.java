package vn.motcua.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer to errors no handler of ours wrote: a filter's {@code sendError} (Camunda's webapps refuse a
 * missing CSRF token or login that way), an error Tomcat raised itself. Clients that do not ask for
 * HTML get a problem body from the message bundle instead of Spring Boot's
 * {@code {timestamp, status, error, path}}; browsers keep the error page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorBodies extends BasicErrorController {

    private final ProblemTexts texts;

    ErrorBodies(ErrorAttributes attributes, ServerProperties server, ObjectProvider<ErrorViewResolver> resolvers,
            MessageSource messages) {
        super(attributes, server.getError(), resolvers.orderedStream().toList());
        this.texts = new ProblemTexts(messages);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        ProblemDetail problem = switch (status.value()) {
            case 401 -> texts.problem(status, "security.title.unauthenticated", "security.unauthenticated");
            case 403 -> texts.problem(status, "security.title.forbidden", "security.forbidden");
            case 404 -> texts.problem(status, "problem.title.notFound", "problem.notFound");
            default -> status.is5xxServerError() ? texts.problem(status, "problem.title.internal", "problem.internal")
                    : texts.problem(status, "problem.title.badRequest", "problem.badRequest");
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            body.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
