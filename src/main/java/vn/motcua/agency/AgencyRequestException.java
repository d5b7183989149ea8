package vn.motcua.agency;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the administration refuses, as an RFC 7807 problem: 400 with the broken rules as
 * {@code violations} (field, code, message; and the CSV line for an import), 403, 404, or 409.
 */
class AgencyRequestException extends ErrorResponseException {

    private AgencyRequestException(HttpStatus status, String title, String detail, List<Violation> violations) {
        super(status, problem(status, title, detail, violations), null);
    }

    static AgencyRequestException invalid(String detail, List<Violation> violations) {
        return new AgencyRequestException(HttpStatus.BAD_REQUEST, "Invalid request", detail, violations);
    }

    static AgencyRequestException notFound(String detail) {
        return new AgencyRequestException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    static AgencyRequestException forbidden(String detail) {
        return new AgencyRequestException(HttpStatus.FORBIDDEN, "Access denied", detail, List.of());
    }

    static AgencyRequestException conflict(String detail) {
        return new AgencyRequestException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        return problem;
    }

    /** A broken rule; {@code line} is the CSV line (1 = the header) or null outside an import. */
    record Violation(Integer line, String field, String code, String message) {
    }
}
