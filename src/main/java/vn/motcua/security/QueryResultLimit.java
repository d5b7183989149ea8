package vn.motcua.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine refuses list queries without a page size or with more than {@code queryMaxResultsLimit}
 * rows (application.yaml; 2000, the value Camunda's webapps are built for). On the engine REST API
 * that refusal is an RFC 7807 problem body that says how to ask; every other engine error keeps
 * Camunda's own format, which its clients (Camunda Modeler) read.
 */
@Configuration(proxyBeanMethods = false)
class QueryResultLimit {

    @Bean
    ResourceConfigCustomizer queryLimitProblems(ObjectMapper json) {
        return config -> config.register(new Problems(json));
    }

    static final class Problems implements ExceptionMapper<BadUserRequestException> {

        private final ObjectMapper json;

        Problems(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(BadUserRequestException e) {
            if (!isLimitRefusal(e)) {
                return ExceptionHandlerHelper.getInstance().getResponse(e);
            }
            ProblemDetail problem = AccessRefusedException.problem(HttpStatus.BAD_REQUEST, "Query result limit",
                    e.getMessage() + " Ask for a page: firstResult and maxResults (at most the engine's "
                            + "queryMaxResultsLimit), or for the count.");
            try {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        // The engine's two messages (QueryMaxResultsLimitUtil): no page size at all, or too large a page.
        static boolean isLimitRefusal(BadUserRequestException e) {
            String message = e.getMessage();
            return message != null && (message.startsWith("An unbound number of results is forbidden")
                    || message.startsWith("Max results limit of"));
        }
    }
}
