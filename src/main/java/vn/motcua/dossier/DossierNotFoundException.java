package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class DossierNotFoundException extends ErrorResponseException {

    public DossierNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND, problem(code), null);
    }

    private static ProblemDetail problem(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No dossier with code " + code);
        problem.setTitle("Dossier not found");
        return problem;
    }
}
