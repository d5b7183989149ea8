package vn.motcua.dossier;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import vn.motcua.forms.FieldViolation;

/** A submission that breaks the procedure's rules or its form's rules; nothing was stored. */
public class InvalidSubmissionException extends ErrorResponseException {

    public InvalidSubmissionException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(violations), null);
    }

    static InvalidSubmissionException of(String field, String code, String message) {
        return new InvalidSubmissionException(List.of(new FieldViolation(field, code, message)));
    }

    private static ProblemDetail problem(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The submission breaks " + violations.size() + " rule(s); nothing was stored");
        problem.setTitle("Invalid submission");
        problem.setProperty("violations", violations);
        return problem;
    }
}
