package vn.motcua.portal;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with the seconds to wait, in the problem body and in Retry-After. */
class TooManyAttemptsException extends ErrorResponseException {

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration wait) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(Math.max(1, (wait.toMillis() + 999) / 1000)), null);
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }

    private static ProblemDetail problem(long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Quá nhiều lần tra cứu, vui lòng thử lại sau " + seconds + " giây / Too many lookups, try again in "
                        + seconds + " s");
        problem.setTitle("Too many attempts");
        problem.setProperty("retryAfterSeconds", seconds);
        return problem;
    }
}
