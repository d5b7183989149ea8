package vn.motcua.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The dossier was already rated, or its result has not been returned yet. */
public class EvaluationConflictException extends ErrorResponseException {

    EvaluationConflictException(String code, String reason, String title) {
        super(HttpStatus.CONFLICT, problem(code, reason, title), null);
    }

    static EvaluationConflictException alreadyEvaluated(String code) {
        return new EvaluationConflictException(code, "already-evaluated",
                "Hồ sơ đã được đánh giá / This dossier was already rated");
    }

    static EvaluationConflictException notYetReturned(String code) {
        return new EvaluationConflictException(code, "result-not-returned",
                "Chỉ đánh giá được sau khi nhận kết quả / A dossier can be rated once its result was returned");
    }

    private static ProblemDetail problem(String code, String reason, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, title + ": " + code);
        problem.setTitle(title);
        problem.setProperty("reason", reason);
        return problem;
    }
}
