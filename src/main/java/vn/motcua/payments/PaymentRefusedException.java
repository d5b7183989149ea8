package vn.motcua.payments;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A payment that cannot be recorded as asked (nothing due, another amount): 409, nothing changes. */
class PaymentRefusedException extends ErrorResponseException {

    PaymentRefusedException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
