package vn.motcua.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import vn.motcua.web.ProblemTexts;

/** 401 or 403 from our own checks ({@link UnitAccess}), as a problem body. */
public class AccessRefusedException extends ErrorResponseException {

    private static final String UNAUTHENTICATED_TITLE = "security.title.unauthenticated";

    private AccessRefusedException(HttpStatus status, ProblemDetail problem, String detailCode) {
        super(status, problem, null, detailCode, null);
    }

    /**
     * Nobody is logged in. Thrown where no message bundle is at hand (a supplier, from any capability):
     * the problem names its texts by message code and the API's exception handler fills them in.
     */
    public static AccessRefusedException unauthenticated() {
        return new AccessRefusedException(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED),
                "security.unauthenticated");
    }

    @Override
    public String getTitleMessageCode() {
        return getStatusCode().value() == 401 ? UNAUTHENTICATED_TITLE : super.getTitleMessageCode();
    }

    /** The officer may not do this; {@code detailKey} of the message bundle says what. */
    static AccessRefusedException forbidden(ProblemTexts texts, String detailKey, Object... arguments) {
        return new AccessRefusedException(HttpStatus.FORBIDDEN,
                texts.problem(HttpStatus.FORBIDDEN, "security.title.forbidden", detailKey, arguments), null);
    }
}
