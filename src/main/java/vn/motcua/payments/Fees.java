package vn.motcua.payments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import vn.motcua.catalogue.FeeExemption;
import vn.motcua.catalogue.Procedure;

/**
 * Works out a fee: the procedure's fixed part, plus what its decision table decides for the values,
 * unless an exemption applies. The same rule quotes before submission and assesses the dossier.
 */
@Service
public class Fees {

    private final PaymentsEngine engine;

    Fees(PaymentsEngine engine) {
        this.engine = engine;
    }

    public FeeQuote quote(Procedure procedure, Map<String, Object> values) {
        Map<String, Object> data = values == null ? Map.of() : values;
        long decided = 0;
        if (procedure.feeDecision() != null) {
            Long fee = engine.evaluateFee(procedure.feeDecision(), new HashMap<>(data));
            if (fee == null) {
                throw new NoFeeDecided(procedure.key(), procedure.feeDecision());
            }
            decided = fee;
        }
        Optional<FeeExemption> exemption = procedure.feeExemptions().stream().filter(e -> e.appliesTo(data)).findFirst();
        long amount = exemption.isPresent() ? 0 : procedure.fee() + decided;
        return new FeeQuote(procedure.key(), procedure.fee(), decided, exemption.map(FeeExemption::reason).orElse(null),
                amount, procedure.payment().name());
    }

    /** The decision table matched no rule: the values lack what the fee depends on (pages, copies, ...). */
    static final class NoFeeDecided extends ErrorResponseException {

        NoFeeDecided(String procedureKey, String decision) {
            super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Chưa tính được phí: thiếu hoặc sai thông tin phí phụ thuộc / The fee table " + decision + " of "
                            + procedureKey + " decides no fee for these values: fill in what the fee depends on"), null);
        }
    }
}
