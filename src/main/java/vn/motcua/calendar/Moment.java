package vn.motcua.calendar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An instant as the calendar API answers it: in UTC and in the agency's zone. */
public record Moment(Instant utc, String local) {

    static final String EXAMPLE = "2026-02-13T09:00:00+07:00";

    public static Moment of(Instant instant, ZoneId zone) {
        return new Moment(instant, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)));
    }

    /**
     * The instant a query parameter gives, ISO-8601 with an offset.
     *
     * @throws ErrorResponseException 400 naming the parameter and the expected form
     */
    public static Instant parse(String parameter, String value) {
        // An unencoded '+' of the offset arrives as a space in a query string.
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + parameter
                    + "' must be an ISO-8601 instant with an offset, e.g. " + EXAMPLE
                    + " or 2026-02-13T02:00:00Z (encode '+' as %2B in a URL); was '" + value + "'");
            problem.setTitle("Invalid calendar request");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
    }
}
