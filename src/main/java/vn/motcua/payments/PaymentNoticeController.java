package vn.motcua.payments;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** The banks' door: authenticated by the HMAC signature alone (no session, no CSRF token; docs/payments.md). */
@RestController
@Tag(name = "Payments")
class PaymentNoticeController {

    static final String BANK = "X-Motcua-Bank";
    static final String TIMESTAMP = "X-Motcua-Timestamp";
    static final String SIGNATURE = "X-Motcua-Signature";

    private final BankNotices notices;
    private final ObjectMapper json;
    private final Validator validator;

    PaymentNoticeController(BankNotices notices, ObjectMapper json, Validator validator) {
        this.notices = notices;
        this.json = json;
        this.validator = validator;
    }

    @PostMapping(value = "/api/payments/notices", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A bank's signed notice of a transfer: matched to the dossier its reference names, or filed as an exception")
    BankNotices.Outcome receive(@RequestHeader(name = BANK, required = false) String bank,
            @RequestHeader(name = TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = SIGNATURE, required = false) String signature,
            @RequestBody byte[] body) {
        // The signature is checked on the bytes as sent, before anything of them is read.
        notices.authenticate(bank, timestamp, signature, body);
        PaymentNotice notice;
        try {
            notice = json.readValue(body, PaymentNotice.class);
        } catch (IOException e) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Không đọc được thông báo / The notice is not readable JSON of the documented shape"), e);
        }
        Set<ConstraintViolation<PaymentNotice>> violations = validator.validate(notice);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return notices.receive(bank, notice);
    }
}
