package vn.motcua.reports;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A report asked for with parameters out of shape: 400 naming the parameter, the way form checks do. */
public class InvalidReportRequestException extends ErrorResponseException {

    private InvalidReportRequestException(ProblemDetail problem) {
        super(HttpStatus.BAD_REQUEST, problem, null);
    }

    static InvalidReportRequestException of(String parameter, String english, String vietnamese) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, vietnamese + " / " + english);
        problem.setTitle("Invalid report request");
        problem.setProperty("violations", List.of(Map.of("field", parameter, "code", "invalid", "message", english)));
        return new InvalidReportRequestException(problem);
    }
}
