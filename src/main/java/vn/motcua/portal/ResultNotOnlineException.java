package vn.motcua.portal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No result to download: not published yet, or returned at the counter or by post. */
class ResultNotOnlineException extends ErrorResponseException {

    ResultNotOnlineException(String code) {
        super(HttpStatus.NOT_FOUND, problem(code), null);
    }

    private static ProblemDetail problem(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Hồ sơ " + code + " chưa có kết quả trực tuyến / Dossier " + code + " has no online result");
        problem.setTitle("No online result");
        return problem;
    }
}
