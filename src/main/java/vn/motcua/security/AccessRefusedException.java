package vn.motcua.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request its officer may not make (403), or that needs an officer to log in first (401). */
public class AccessRefusedException extends ErrorResponseException {

    private AccessRefusedException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    public static AccessRefusedException unauthenticated() {
        return new AccessRefusedException(HttpStatus.UNAUTHORIZED, "Authentication required",
                "Đăng nhập để tiếp tục / Log in to continue");
    }

    static AccessRefusedException forbidden(String detail) {
        return new AccessRefusedException(HttpStatus.FORBIDDEN, "Access denied", detail);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
