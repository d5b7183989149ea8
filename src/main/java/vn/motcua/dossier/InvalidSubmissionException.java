package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import vn.motcua.documents.DocumentViolation;
import vn.motcua.forms.FieldViolation;

/** A submission that breaks the procedure's rules or its form's rules; nothing was stored. */
public class InvalidSubmissionException extends ErrorResponseException {

    public InvalidSubmissionException(List<FieldViolation> violations) {
        this(violations, List.of());
    }

    /** Broken form rules and refused documents, listed together so the applicant fixes everything at once. */
    public InvalidSubmissionException(List<FieldViolation> fields, List<DocumentViolation> documents) {
        super(HttpStatus.BAD_REQUEST, problem(both(fields, documents)), null);
    }

    static InvalidSubmissionException of(String field, String code, String message) {
        return new InvalidSubmissionException(List.of(new FieldViolation(field, code, message)));
    }

    private static List<Object> both(List<FieldViolation> fields, List<DocumentViolation> documents) {
        List<Object> violations = new ArrayList<>(fields);
        violations.addAll(documents);
        return violations;
    }

    private static ProblemDetail problem(List<Object> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The submission breaks " + violations.size() + " rule(s); nothing was stored");
        problem.setTitle("Invalid submission");
        problem.setProperty("violations", violations);
        return problem;
    }
}
