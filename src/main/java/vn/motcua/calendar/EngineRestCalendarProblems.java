package vn.motcua.calendar;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A date the calendar cannot count (beyond the years its statutory rules are checked for) reaches the
 * engine REST API from inside an engine command: a task completed in Tasklist, a variable that moves a
 * timer. There it answers the same 422 problem as our own API, with the fix, instead of Camunda's 500.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestCalendarProblems {

    @Bean
    ResourceConfigCustomizer calendarProblems(ObjectMapper json) {
        return config -> config.register(new Unknown(json)).register(new Wrapped(json));
    }

    /** Thrown as it is by a delegate or listener. */
    static final class Unknown implements ExceptionMapper<UnknownCalendarYearException> {

        private final ObjectMapper json;

        Unknown(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(UnknownCalendarYearException e) {
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
                if (cause instanceof UnknownCalendarYearException unknown) {
                    return problem(json, unknown);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(e);
        }
    }

    private static Response problem(ObjectMapper json, UnknownCalendarYearException e) {
        try {
            return Response.status(e.getStatusCode().value()).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .entity(json.writeValueAsString(e.getBody())).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
