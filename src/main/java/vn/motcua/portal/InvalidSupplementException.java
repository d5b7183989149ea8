package vn.motcua.portal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A supplement answer must say what was supplied. */
class InvalidSupplementException extends ErrorResponseException {

    InvalidSupplementException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        String message = "Vui lòng ghi nội dung bổ sung (tối đa 2000 ký tự) / Say what you supply (up to 2000 characters)";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Invalid supplement");
        problem.setProperty("violations", List.of(Map.of("field", "note", "code", "required", "message", message)));
        return problem;
    }
}
