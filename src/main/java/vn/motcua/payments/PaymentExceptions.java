package vn.motcua.payments;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

/** The reception desk's list of payments to look into, per unit; the unassigned ones are the administrators'. */
@Service
class PaymentExceptions {

    private final FeeRepository repository;
    private final UnitAccess access;

    PaymentExceptions(FeeRepository repository, UnitAccess access) {
        this.repository = repository;
        this.access = access;
    }

    /** A unit's open exceptions (its reception desk); without a unit, those no unit could be found for (administrators). */
    List<PaymentException> open(String unitCode) {
        if (unitCode == null) {
            adminOnly();
            return repository.openUnassignedExceptions();
        }
        access.checkReceivesFor(unitCode);
        return repository.openExceptions(unitCode);
    }

    @Transactional
    PaymentException resolve(long id, String note) {
        PaymentException exception = repository.exception(id).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No payment exception " + id), null));
        Officer officer = exception.unitCode() == null ? adminOnly() : access.checkReceivesFor(exception.unitCode());
        if (!repository.resolve(id, Payments.now(), officer.id(), note.strip())) {
            throw new PaymentRefusedException("Ngoại lệ đã được xử lý / Payment exception " + id + " was resolved before");
        }
        return repository.exception(id).orElseThrow();
    }

    private Officer adminOnly() {
        Officer officer = access.current().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        if (!officer.isAdmin()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN);
        }
        return officer;
    }
}
