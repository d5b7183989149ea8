package vn.motcua.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** One answer for an unknown code and a wrong secret, so that codes cannot be probed. */
class TrackingNotFoundException extends ErrorResponseException {

    TrackingNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Mã hồ sơ hoặc mã tra cứu không đúng / Wrong dossier code or lookup secret");
        problem.setTitle("Dossier not found");
        return problem;
    }
}
