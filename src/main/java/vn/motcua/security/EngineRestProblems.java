package vn.motcua.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import vn.motcua.forms.FormViolationException;
import vn.motcua.web.DatabaseOutage;
import vn.motcua.web.ProblemTexts;

/**
 * Every error of the engine REST API ({@code /engine-rest}) and of the webapps' copy of it
 * ({@code /camunda/api/**}, which Tasklist and Cockpit call) is an RFC 7807 problem body (issue 15
 * item 8). Camunda's own mappers answer {@code {"type": <exception class>, "message": <engine message>}},
 * and the engine's messages name process instances, definitions and tasks the caller may not see.
 *
 * <p>Mappers for the very exception types Camunda maps, with a higher priority, answer instead:
 * <ul>
 * <li>the status Camunda chose (403, 404, 400...), a title and a Vietnamese-then-English text from the
 * message bundle, never an exception class or a stack;</li>
 * <li>401, 403, 404 and 5xx say nothing of the engine's message (which names what was refused);</li>
 * <li>other client errors add the engine's reason, which the caller needs to fix the request, with
 * class names shortened to their simple names and every id the caller did not name hidden;</li>
 * <li>our own refusals raised inside the engine (a form's broken rules, a calendar year nobody loaded)
 * answer their own problem, with the broken rules as {@code violations};</li>
 * <li>{@code message} repeats what a person should read: Tasklist (camunda-bpm-sdk-js) and Camunda
 * Modeler show that field of an error body, and it keeps the deployment report ({@code details}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    /** Ahead of Camunda's mappers, registered without a priority (which Jersey counts as {@code USER}). */
    static final int PRIORITY = Priorities.USER - 1000;

    private static final List<Class<?>> MAPPERS = List.of(AnyFailure.class, EngineFailure.class, RestFailure.class,
            JsonMappingFailure.class, JsonParseFailure.class);

    /** {@code /engine-rest}: Spring Boot's Jersey application, which Camunda's starter configures. */
    @Bean
    ResourceConfigCustomizer engineRestProblemMappers() {
        return config -> MAPPERS.forEach(config::register);
    }

    /**
     * The webapps' JAX-RS applications ({@code /camunda/api/engine}, cockpit, tasklist, admin) are
     * Jersey servlets of Camunda's own, each made from its {@code Application} class; Jersey takes the
     * servlet context's attributes as the properties of each, so this one names our mappers to all.
     */
    @Bean
    ServletContextInitializer webappProblemMappers() {
        return context -> context.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
                MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    }

    /**
     * The mappers Jersey creates (one per exception type Camunda maps); they find the application's
     * message bundle and JSON settings through the servlet context.
     */
    public abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {

        @Context
        private ServletContext servletContext;

        @Context
        private HttpServletRequest request;

        private volatile Answers answers;

        @Override
        public Response toResponse(E failure) {
            Answers answering = answers;
            if (answering == null) {
                var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
                answering = new Answers(new ProblemTexts(spring.getBean(MessageSource.class)), spring.getBean(ObjectMapper.class));
                answers = answering;
            }
            String query = request.getQueryString();
            return answering.toResponse(failure, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }

    @Priority(PRIORITY)
    public static final class AnyFailure extends Mapper<Throwable> {
    }

    @Priority(PRIORITY)
    public static final class EngineFailure extends Mapper<ProcessEngineException> {
    }

    @Priority(PRIORITY)
    public static final class RestFailure extends Mapper<RestException> {
    }

    @Priority(PRIORITY)
    public static final class JsonMappingFailure extends Mapper<JsonMappingException> {
    }

    @Priority(PRIORITY)
    public static final class JsonParseFailure extends Mapper<JsonParseException> {
    }

    /** What each failure answers; {@code requested} is the path and query the caller sent. */
    static final class Answers {

        private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblems.class);
        /** A qualified class name ({@code org.camunda.bpm.engine.exception.NullValueException}). */
        private static final Pattern QUALIFIED_CLASS = Pattern.compile("(?<![\\w$.])(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][\\w$]*)");
        /** An exception's name heading a message it wraps ({@code NullValueException: task is null}). */
        private static final Pattern EXCEPTION_PREFIX = Pattern.compile("\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
        private static final Pattern REFERENCE_CHAIN = Pattern.compile("\\s*\\(through reference chain:[^)]*\\)");
        /** The engine's ids (UUIDs, also inside definition ids {@code key:version:uuid}). */
        private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        private final ProblemTexts texts;
        private final ObjectMapper json;

        Answers(ProblemTexts texts, ObjectMapper json) {
            this.texts = texts;
            this.json = json;
        }

        Response toResponse(Throwable failure, String requested) {
            ErrorResponseException ours = cause(failure, ErrorResponseException.class);
            if (ours != null) {
                // Its texts may be named by message code (AccessRefusedException.unauthenticated).
                ProblemDetail problem = ours.updateAndGetBody(texts, Locale.ROOT);
                readable(problem, problem.getDetail());
                return respond(ours.getStatusCode().value(), problem, null);
            }
            if (DatabaseOutage.isCause(failure)) {
                LOG.warn("Database unavailable: {}", failure.toString());
                ProblemDetail problem = DatabaseOutage.problem(texts);
                readable(problem, problem.getDetail());
                return respond(503, problem, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
            }
            FormViolationException form = cause(failure, FormViolationException.class);
            if (form != null) {
                return respond(400, formViolations(form), null);
            }
            int status = status(failure);
            if (status >= 500) {
                LOG.error("Engine REST failure on {}", requested, failure);
            } else {
                LOG.debug("Engine REST refusal {} on {}", status, requested, failure);
            }
            ProblemDetail problem = switch (status) {
                case 401 -> problem(401, "security.title.unauthenticated", "security.unauthenticated");
                case 403 -> problem(403, "engineRest.title.forbidden", "engineRest.forbidden");
                case 404 -> problem(404, "problem.title.notFound", "problem.notFound");
                default -> status >= 500 ? problem(status, "problem.title.internal", "problem.internal")
                        : refusal(status, failure, requested);
            };
            ProcessEngineException engine = cause(failure, ProcessEngineException.class);
            if (engine != null && status < 500) {
                // The engine's error code (optimistic locking, deadlock...), which engine clients retry on.
                problem.setProperty("code", engine.getCode());
            }
            return respond(status, problem, null);
        }

        /** A client error the caller can fix: the reason is theirs to read, cleaned of what is not. */
        private ProblemDetail refusal(int status, Throwable failure, String requested) {
            BadUserRequestException badRequest = cause(failure, BadUserRequestException.class);
            if (badRequest != null && isQueryLimit(badRequest)) {
                ProblemDetail problem = problem(status, "engineRest.title.queryLimit", "engineRest.queryLimit");
                readable(problem, problem.getDetail());
                return problem;
            }
            ParseException parse = cause(failure, ParseException.class);
            // A deployment's report is ours (the procedure checks) and quotes the caller's own models.
            String reason = failure instanceof JsonProcessingException unreadable ? unreadableJson(unreadable)
                    : parse != null ? parse.getMessage() : clean(failure.getMessage(), requested);
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(texts.title("problem.title.badRequest"));
            problem.setDetail(texts.detail("problem.badRequest") + ": " + reason);
            problem.setProperty("message", reason);
            if (parse != null) {
                // The deployment's own report (resource, line, element), which Camunda Modeler lists.
                problem.setProperty("details", ParseExceptionDto.fromException(parse).getDetails());
            }
            return problem;
        }

        private ProblemDetail formViolations(FormViolationException form) {
            String broken = form.violations().stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
            ProblemDetail problem = ProblemDetail.forStatus(400);
            problem.setTitle(texts.title("engineRest.title.form"));
            problem.setDetail(texts.detail("engineRest.form") + ": " + broken);
            problem.setProperty("violations", form.violations().stream().map(v -> {
                Map<String, String> violation = new LinkedHashMap<>();
                violation.put("field", v.field());
                violation.put("code", v.code());
                violation.put("message", v.message());
                return violation;
            }).toList());
            readable(problem, problem.getDetail());
            return problem;
        }

        private ProblemDetail problem(int status, String titleKey, String detailKey) {
            ProblemDetail problem = texts.problem(HttpStatusCode.valueOf(status), titleKey, detailKey);
            readable(problem, problem.getDetail());
            return problem;
        }

        /** The field Camunda's clients show (camunda-bpm-sdk-js, Camunda Modeler). */
        private static void readable(ProblemDetail problem, String text) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("message")) {
                problem.setProperty("message", text);
            }
        }

        private String unreadableJson(JsonProcessingException unreadable) {
            JsonLocation at = unreadable.getLocation();
            String field = unreadable instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining(".")) : "";
            return texts.detail("engineRest.json", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    field.isEmpty() ? "-" : field);
        }

        private Response respond(int status, ProblemDetail problem, String retryAfter) {
            problem.setStatus(status);
            try {
                Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .entity(json.writeValueAsString(problem));
                return retryAfter == null ? response.build() : response.header("Retry-After", retryAfter).build();
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        /**
         * The status Camunda's own mappers give: 403 for authorizations, 400 for bad user requests and
         * parse errors, a REST exception's own, a JAX-RS exception's own (405, 415...), otherwise 500.
         */
        static int status(Throwable failure) {
            if (failure instanceof WebApplicationException web) {
                return web.getResponse().getStatus();
            }
            if (failure instanceof JsonProcessingException) {
                return 400;
            }
            return ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode();
        }

        // The engine's two messages (QueryMaxResultsLimitUtil): no page size at all, or too large a page.
        static boolean isQueryLimit(BadUserRequestException e) {
            String message = e.getMessage();
            return message != null && (message.startsWith("An unbound number of results is forbidden")
                    || message.startsWith("Max results limit of"));
        }

        /** Class names shortened, wrapped exceptions' names dropped, ids the caller did not send hidden. */
        static String clean(String message, String requested) {
            if (message == null || message.isBlank()) {
                return "-";
            }
            String text = REFERENCE_CHAIN.matcher(message).replaceAll("");
            text = QUALIFIED_CLASS.matcher(text).replaceAll("$1");
            text = EXCEPTION_PREFIX.matcher(text).replaceAll("");
            Matcher ids = ID.matcher(text);
            StringBuilder cleaned = new StringBuilder();
            while (ids.find()) {
                ids.appendReplacement(cleaned, requested.contains(ids.group()) ? ids.group() : "…");
            }
            ids.appendTail(cleaned);
            return cleaned.toString().strip();
        }

        private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (type.isInstance(cause)) {
                    return type.cast(cause);
                }
            }
            return null;
        }
    }
}
