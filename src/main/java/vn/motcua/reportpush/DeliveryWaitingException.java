package vn.motcua.reportpush;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A re-send of a feed event that waits for an earlier event of its dossier: it goes when that one is
 * accepted. The detail comes from the message bundles ({@code problemDetail.<this class>}).
 */
public class DeliveryWaitingException extends ErrorResponseException {

    public DeliveryWaitingException(String id, int sequence) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), null, null, new Object[] {sequence, id});
    }
}
