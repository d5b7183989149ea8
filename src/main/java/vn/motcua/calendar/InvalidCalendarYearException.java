package vn.motcua.calendar;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import vn.motcua.calendar.CalendarYear.Violation;

/** A year document that cannot be the calendar: unreadable, or breaking the rules listed. */
public class InvalidCalendarYearException extends ErrorResponseException {

    private final List<Violation> violations;

    public InvalidCalendarYearException(String origin, List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(origin, violations), null);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(String origin, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The calendar of " + origin + " breaks " + violations.size() + " rule(s): " + violations.stream()
                        .map(v -> v.field() + " [" + v.code() + "] " + v.message())
                        .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid calendar year");
        problem.setProperty("violations", violations);
        return problem;
    }
}
