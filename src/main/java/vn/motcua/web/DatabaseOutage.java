package vn.motcua.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached now" (no connection within the pool's
 * connection-timeout, connection refused or lost), whoever wrapped it (Spring, MyBatis in the
 * engine): such a request is answered 503 with {@code Retry-After} at once, never a 500.
 */
public final class DatabaseOutage {

    /** What a client should wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL, H2).
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The problem body of a request refused during an outage. */
    public static ProblemDetail problem(ProblemTexts texts) {
        return texts.problem(HttpStatus.SERVICE_UNAVAILABLE, "problem.title.unavailable", "problem.unavailable");
    }

    public static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return headers;
    }
}
