package vn.motcua.web;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A refusal of ours raised inside an engine command (a task completed in Tasklist or over the engine REST API, a
 * variable that moves a timer) answers the engine REST API as it answers our own API: its status and problem
 * body (a calendar year nobody loaded: 422 with the fix; a result draft changed after the head saw it: 409),
 * instead of Camunda's 500.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    @Bean
    ResourceConfigCustomizer engineRestProblemBodies(ObjectMapper json) {
        return config -> config.register(new Thrown(json)).register(new Wrapped(json));
    }

    /** Thrown as it is by a delegate or listener. */
    static final class Thrown implements ExceptionMapper<ErrorResponseException> {

        private final ObjectMapper json;

        Thrown(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(ErrorResponseException e) {
            return problem(json, e);
        }
    }

    /** Wrapped by the engine; every other engine error keeps Camunda's own answer. */
    static final class Wrapped implements ExceptionMapper<ProcessEngineException> {

        private final ObjectMapper json;

        Wrapped(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ErrorResponseException refusal) {
                    return problem(json, refusal);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    private static Response problem(ObjectMapper json, ErrorResponseException e) {
        try {
            ObjectNode body = json.valueToTree(e.getBody());
            // Tasklist and Cockpit show an engine REST error's "message" (Camunda's own error body): the detail.
            if (!body.has("message") && body.hasNonNull("detail")) {
                body.put("message", body.get("detail").asText());
            }
            return Response.status(e.getStatusCode().value()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
