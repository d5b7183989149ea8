package vn.motcua.payments;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

/** Fee quotes, a dossier's fee and receipt, cash at the counter and the exception list (fee totals are a report). */
@RestController
@Validated
@Tag(name = "Payments")
class PaymentController {

    private final Payments payments;
    private final Fees fees;
    private final FeeReceipts receipts;
    private final PaymentExceptions exceptions;
    private final ProcedureCatalogue catalogue;
    private final DossierManagement dossiers;
    private final UnitAccess access;

    PaymentController(Payments payments, Fees fees, FeeReceipts receipts, PaymentExceptions exceptions,
            ProcedureCatalogue catalogue, DossierManagement dossiers, UnitAccess access) {
        this.payments = payments;
        this.fees = fees;
        this.receipts = receipts;
        this.exceptions = exceptions;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.access = access;
    }

    record QuoteRequest(Map<String, Object> data) {
    }

    @PostMapping("/api/procedures/{key}/fee-quote")
    @Operation(summary = "What a dossier of the procedure would cost with these form values, before it is submitted")
    FeeQuote quote(@PathVariable @Pattern(regexp = "[a-z][a-z0-9_]{0,99}") String key, @RequestBody QuoteRequest request) {
        return fees.quote(catalogue.get(key), request.data());
    }

    /** A dossier's fee with its VietQR payload while it is due. */
    record FeeView(Fee fee, String paymentCode) {
    }

    @GetMapping("/api/payments/{code}")
    @Operation(summary = "A dossier's fee, its payment and the VietQR payload while due (officers of its unit)")
    FeeView fee(@PathVariable @Pattern(regexp = UnitAccess.DOSSIER_CODE) String code) {
        access.checkCanRead(dossiers.get(code).unitCode());
        Fee fee = payments.assess(code);
        return new FeeView(fee, payments.paymentCode(fee).orElse(null));
    }

    @GetMapping(value = "/api/payments/{code}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The electronic fee receipt (or, while unpaid, the payment notice with its VietQR code)")
    ResponseEntity<byte[]> receipt(@PathVariable @Pattern(regexp = UnitAccess.DOSSIER_CODE) String code) {
        access.checkCanRead(dossiers.get(code).unitCode());
        return pdf(code, receipts.print(code));
    }

    static ResponseEntity<byte[]> pdf(String code, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(FeeReceipts.fileName(code)).build().toString())
                .body(pdf);
    }

    record CashPayment(@NotNull @Positive Long amount) {
    }

    @PostMapping("/api/payments/{code}/cash")
    @Operation(summary = "Reception records the fee paid in cash at the counter (exactly the fee, once)")
    Fee cash(@PathVariable @Pattern(regexp = UnitAccess.DOSSIER_CODE) String code, @Valid @RequestBody CashPayment payment) {
        Officer officer = access.checkReceivesFor(dossiers.get(code).unitCode());
        return payments.payCash(code, payment.amount(), officer.id());
    }

    @GetMapping("/api/payments/exceptions")
    @Operation(summary = "Open payment exceptions of a unit (partial, overpaid, duplicate, unknown, closed) for its reception desk")
    List<PaymentException> exceptions(@RequestParam(required = false) @Pattern(regexp = UnitAccess.UNIT_CODE) String unit) {
        return exceptions.open(unit);
    }

    record Resolution(@NotBlank @Size(max = 1000) String note) {
    }

    @PostMapping("/api/payments/exceptions/{id}/resolve")
    @Operation(summary = "Reception closes an exception with what was done (refund, rest collected, ...)")
    PaymentException resolve(@PathVariable long id, @Valid @RequestBody Resolution resolution) {
        return exceptions.resolve(id, resolution.note());
    }
}
