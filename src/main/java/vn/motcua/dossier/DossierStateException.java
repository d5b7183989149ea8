package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The dossier is not in a state that allows what was asked. */
public class DossierStateException extends ErrorResponseException {

    public DossierStateException(String code, DossierStatus status, String action) {
        super(HttpStatus.CONFLICT, problem(code, status, action), null);
    }

    private static ProblemDetail problem(String code, DossierStatus status, String action) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Dossier " + code + " is " + status + ": cannot " + action);
        problem.setTitle("Dossier state conflict");
        // Not "status": that is the problem's HTTP status, and a body with the key twice is refused by strict parsers.
        problem.setProperty("dossierStatus", status);
        return problem;
    }
}
