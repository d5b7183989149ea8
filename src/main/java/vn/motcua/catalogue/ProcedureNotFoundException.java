package vn.motcua.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class ProcedureNotFoundException extends ErrorResponseException {

    public ProcedureNotFoundException(String key) {
        super(HttpStatus.NOT_FOUND, problem(key), null);
    }

    private static ProblemDetail problem(String key) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No procedure with key '" + key + "' is deployed");
        problem.setTitle("Procedure not found");
        return problem;
    }
}
