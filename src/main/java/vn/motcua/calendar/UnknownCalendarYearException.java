package vn.motcua.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A date in a year whose holidays nobody has loaded: counting on would treat its holidays as working
 * days, so the calendar refuses until an administrator loads the year.
 */
public class UnknownCalendarYearException extends ErrorResponseException {

    private final int year;

    public UnknownCalendarYearException(int year) {
        this(year, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** With {@code status} 404 when the year itself is what was asked for. */
    UnknownCalendarYearException(int year, HttpStatus status) {
        super(status, problem(year, status), null);
        this.year = year;
    }

    public int year() {
        return year;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail problem(int year, HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "The working-time calendar has no data for " + year + ": an administrator must load the year's days off"
                        + " and make-up days with PUT /api/calendar/years/" + year + " (see docs/calendar.md)");
        problem.setTitle("Calendar year not loaded");
        problem.setProperty("year", year);
        return problem;
    }
}
