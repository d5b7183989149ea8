package vn.motcua.dossier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class DocumentNotFoundException extends ErrorResponseException {

    DocumentNotFoundException(String code, long id) {
        super(HttpStatus.NOT_FOUND, problem(code, id), null);
    }

    private static ProblemDetail problem(String code, long id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Dossier " + code + " has no document " + id);
        problem.setTitle("Document not found");
        return problem;
    }
}
