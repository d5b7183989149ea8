package vn.motcua.dossier;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.catalogue.ResultChannel;

@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers", description = "Submit dossiers and follow them through the one-stop desk")
class DossierController {

    /** Dossier codes are unit code, receipt day and sequence: anything else cannot exist. */
    static final String CODE = "[0-9A-Za-z.]{1,32}-[0-9]{6}-[0-9]{4,6}";

    private final DossierManagement dossiers;

    DossierController(DossierManagement dossiers) {
        this.dossiers = dossiers;
    }

    record SubmissionRequest(
            @NotBlank @Size(max = 100) String procedureKey,
            @NotBlank @Size(max = 32) String unitCode,
            @NotNull Channel channel,
            @NotNull ResultChannel resultChannel,
            @NotNull @Size(max = 200) Map<String, Object> data) {
    }

    record SupplementRequest(
            @NotBlank @Size(max = 2000) String note,
            @Size(max = 200) Map<String, Object> data) {
    }

    record ProcedureRef(String key, int version, String code, String name) {
    }

    record DossierResponse(
            String code,
            ProcedureRef procedure,
            String unitCode,
            Channel channel,
            ResultChannel resultChannel,
            DossierStatus status,
            Decision decision,
            Applicant applicant,
            Map<String, Object> data,
            int deadlineWorkingDays,
            Instant receivedAt,
            Instant acceptedAt,
            Instant dueAt,
            Instant finishedAt,
            String currentStep,
            String currentHolder,
            List<DossierEvent> controlSheet) {

        static DossierResponse of(Dossier d, List<DossierEvent> controlSheet) {
            return new DossierResponse(d.code(),
                    new ProcedureRef(d.procedureKey(), d.procedureVersion(), d.procedureCode(), d.procedureName()),
                    d.unitCode(), d.channel(), d.resultChannel(), d.status(), d.decision(), d.applicant(),
                    d.formData(), d.deadlineDays(), d.receivedAt(), d.acceptedAt(), d.dueAt(), d.finishedAt(),
                    d.currentStep(), d.currentHolder(), controlSheet);
        }
    }

    /** The dossier as submitted, and the lookup secret the applicant must keep: it is shown only here. */
    record SubmittedResponse(@JsonUnwrapped DossierResponse dossier, String lookupSecret) {
    }

    @PostMapping
    @Operation(summary = "Submit a dossier for a procedure",
            description = "The data are checked against the procedure's submission form; a refused submission stores nothing.")
    ResponseEntity<SubmittedResponse> submit(@Valid @RequestBody SubmissionRequest request) {
        SubmittedDossier submitted = dossiers.submit(new Submission(request.procedureKey(), request.unitCode(),
                request.channel(), request.resultChannel(), request.data()), submitter(request.channel()));
        Dossier dossier = submitted.dossier();
        return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.code()))
                .body(new SubmittedResponse(details(dossier), submitted.lookupSecret()));
    }

    @GetMapping("/{code}")
    @Operation(summary = "A dossier with its control sheet")
    DossierResponse get(@PathVariable @Pattern(regexp = CODE) String code) {
        return details(dossiers.get(code));
    }

    @PostMapping("/{code}/supplement")
    @Operation(summary = "Answer a supplement request: what was supplied, and corrected form values if any")
    DossierResponse supplement(@PathVariable @Pattern(regexp = CODE) String code,
            @Valid @RequestBody SupplementRequest request) {
        return details(dossiers.receiveSupplement(code, request.note(), request.data(), "applicant"));
    }

    private DossierResponse details(Dossier dossier) {
        return DossierResponse.of(dossier, dossiers.controlSheet(dossier.code()));
    }

    // Who submitted is known once officers and citizens log in (security capability); until then
    // the channel says whether the applicant or the desk entered it.
    private static String submitter(Channel channel) {
        return channel == Channel.ONLINE ? "applicant" : "reception";
    }
}
