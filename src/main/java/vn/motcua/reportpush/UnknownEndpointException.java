package vn.motcua.reportpush;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A re-send names an endpoint the configuration does not have. */
public class UnknownEndpointException extends ErrorResponseException {

    public UnknownEndpointException(String endpoint) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Không có nơi nhận báo cáo '" + endpoint + "' / no report endpoint '" + endpoint
                        + "' is configured (motcua.report-push.endpoints)"), null);
    }
}
