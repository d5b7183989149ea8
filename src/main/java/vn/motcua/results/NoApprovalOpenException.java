package vn.motcua.results;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A new draft asked for while no head's approval is open: before the processing ends, or after the decision. */
class NoApprovalOpenException extends ErrorResponseException {

    NoApprovalOpenException(String code) {
        super(HttpStatus.CONFLICT, problem(code), null);
    }

    private static ProblemDetail problem(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Hồ sơ " + code
                + " không có văn bản kết quả chờ lãnh đạo phê duyệt / Dossier " + code
                + " has no result awaiting the head's approval");
        problem.setTitle("No approval open");
        problem.setProperty("reason", "no-approval-open");
        return problem;
    }
}
