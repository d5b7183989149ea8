package vn.motcua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.documents.DocumentContent;
import vn.motcua.dossier.Dossier;
import vn.motcua.evaluation.Evaluation;
import vn.motcua.evaluation.Rating;
import vn.motcua.evaluation.SatisfactionEvaluations;
import vn.motcua.payments.FeeReceipts;

/**
 * The applicant's API: every call names the dossier code and its lookup secret in the body, never
 * in the URL, so neither reaches access logs. Rate-limited per client and per dossier code.
 */
@RestController
@RequestMapping("/api/tracking")
@Tag(name = "Tracking", description = "Follow a dossier with its code and lookup secret")
class TrackingController {

    private final DossierTracking tracking;
    private final ReceiptPrinter receipts;
    private final SatisfactionEvaluations evaluations;
    private final OnlineResults results;
    private final FeeReceipts feeReceipts;

    TrackingController(DossierTracking tracking, ReceiptPrinter receipts, SatisfactionEvaluations evaluations,
            OnlineResults results, FeeReceipts feeReceipts) {
        this.feeReceipts = feeReceipts;
        this.tracking = tracking;
        this.receipts = receipts;
        this.evaluations = evaluations;
        this.results = results;
    }

    record Lookup(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 64) String secret) {
    }

    record EvaluationRequest(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 64) String secret,
            @NotNull @Valid Rating rating) {
    }

    @PostMapping
    @Operation(summary = "Status, due date, timeline, open supplement request and rating of a dossier",
            description = "An unknown code and a wrong secret both answer 404; too many attempts answer 429.")
    DossierTracking.TrackingView track(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        return tracking.view(tracking.open(request.getRemoteAddr(), lookup.code(), lookup.secret()));
    }

    @PostMapping(path = "/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The receipt and appointment slip as PDF, with a QR code to the tracking page")
    ResponseEntity<byte[]> receipt(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), lookup.code(), lookup.secret());
        return pdf("giay-tiep-nhan-" + dossier.code() + ".pdf", receipts.print(dossier, lookup.secret()));
    }

    @PostMapping(path = "/fee-receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The electronic fee receipt once paid; before that the payment notice with its VietQR code",
            description = "404 until the dossier's fee is assessed (at acceptance).")
    ResponseEntity<byte[]> feeReceipt(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        return feeReceipt(tracking.open(request.getRemoteAddr(), lookup.code(), lookup.secret()), feeReceipts);
    }

    static ResponseEntity<byte[]> feeReceipt(Dossier dossier, FeeReceipts feeReceipts) {
        if (dossier.acceptedAt() == null) {
            throw new TrackingNotFoundException();
        }
        return pdf(FeeReceipts.fileName(dossier.code()), feeReceipts.print(dossier.code()));
    }

    @PostMapping(path = "/result", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The result document (or the reasoned refusal) of a dossier returned online, as PDF",
            description = "404 until the result was published, and for results returned at the counter or by post.")
    ResponseEntity<byte[]> result(@Valid @RequestBody Lookup lookup, HttpServletRequest request) {
        return result(tracking.open(request.getRemoteAddr(), lookup.code(), lookup.secret()), results);
    }

    @PostMapping(path = "/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer the open supplement request with the documents asked for",
            description = "Part `supplement`: {code, secret, note}; then one part per file, named by the document slot's id.")
    DossierTracking.TrackingView supplement(@Valid @RequestPart("supplement") SupplementAnswer answer,
            MultipartHttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), answer.code(), answer.secret());
        return tracking.view(tracking.supplement(dossier, answer.note(), PortalPages.chosenFiles(request)));
    }

    record SupplementAnswer(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 64) String secret,
            @NotBlank @Size(max = 2000) String note) {
    }

    @PostMapping("/evaluation")
    @Operation(summary = "Rate the handling of a dossier, once, after its result was returned")
    ResponseEntity<Evaluation> evaluate(@Valid @RequestBody EvaluationRequest evaluation, HttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), evaluation.code(), evaluation.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(evaluations.record(dossier, evaluation.rating()));
    }

    static ResponseEntity<byte[]> result(Dossier dossier, OnlineResults results) {
        if (dossier.resultChannel() != ResultChannel.ONLINE) {
            throw new ResultNotOnlineException(dossier.code());
        }
        DocumentContent result = results.open(dossier.code()).orElseThrow(() -> new ResultNotOnlineException(dossier.code()));
        try (InputStream content = result.open()) {
            return pdf(result.document().name(), content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Result of " + dossier.code() + " cannot be read", e);
        }
    }

    static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }
}
