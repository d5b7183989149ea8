package vn.motcua.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;

/**
 * Spring's problem bodies, with the broken rules listed as {@code violations} (field, code,
 * message) the way the form checks list them, so that a client handles both alike.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    private final ProblemTexts texts;

    ApiProblems(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    /** Exceptions that name their detail by message code (Spring's ErrorResponse) get it in both languages. */
    @Override
    public void setMessageSource(MessageSource messageSource) {
        super.setMessageSource(texts);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::violation)
                .toList();
        return handleExceptionInternal(ex, withViolations(ex.getBody(), violations), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> violations = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field", result.getMethodParameter().getParameterName(),
                                "code", String.valueOf(error.getCodes() == null ? "invalid" : error.getCodes()[error.getCodes().length - 1]),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        return handleExceptionInternal(ex, withViolations(ex.getBody(), violations), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ex.getBody().setDetail(texts.detail("problem.uploadTooLarge"));
        return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
    }

    /** A multipart body the server cannot read (cut short, too many parts): the client's fault, not ours. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
        // The parser's own message names its classes (org.apache.tomcat.util.http.fileupload...): logged, not answered.
        LOG.debug("Unreadable multipart request", ex);
        ProblemDetail problem = texts.problem(HttpStatus.BAD_REQUEST, "problem.title.multipart", "problem.multipart");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Constraints checked by a {@code @Validated} proxy (a parameter out of shape): 400, not 500. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = texts.problem(HttpStatus.BAD_REQUEST, "problem.title.parameters", "problem.parameters");
        List<Map<String, String>> violations = ex.getConstraintViolations().stream()
                .map(violation -> Map.of(
                        "field", String.valueOf(violation.getPropertyPath()).replaceAll("^.*\\.", ""),
                        "code", violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        "message", String.valueOf(violation.getMessage())))
                .toList();
        return handleExceptionInternal(ex, withViolations(problem, violations), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                request);
    }

    /** The database is out of reach: 503 at once (the pool's connection-timeout), so clients retry later. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> handleDatabaseOutage(RuntimeException ex, WebRequest request) {
        LOG.warn("Database unavailable: {}", ex.toString());
        return handleExceptionInternal(ex, DatabaseOutage.problem(texts), DatabaseOutage.headers(),
                HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /**
     * The engine's failures: 503 when the database is out of reach, otherwise a 500 that names no
     * exception class, process instance or other unit (the engine's messages do); the log has it all.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Object> handleEngineFailure(ProcessEngineException ex, WebRequest request) {
        if (DatabaseOutage.isCause(ex)) {
            return handleDatabaseOutage(ex, request);
        }
        LOG.error("Engine failure", ex);
        ProblemDetail problem = texts.problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.title.internal", "problem.internal");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static Map<String, String> violation(FieldError error) {
        return Map.of("field", error.getField(),
                "code", String.valueOf(error.getCode()),
                "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ProblemDetail withViolations(ProblemDetail problem, List<Map<String, String>> violations) {
        problem.setProperty("violations", violations);
        return problem;
    }
}
