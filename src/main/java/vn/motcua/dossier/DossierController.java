package vn.motcua.dossier;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.documents.Upload;
import vn.motcua.security.AccessRefusedException;
import vn.motcua.security.Citizens;
import vn.motcua.security.IdempotencyKeys;
import vn.motcua.security.UnitAccess;

@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers", description = "Submit dossiers and follow them through the one-stop desk")
class DossierController {

    /** Dossier codes are unit code, receipt day and sequence: anything else cannot exist. */
    static final String CODE = "[0-9A-Za-z.]{1,32}-[0-9]{6}-[0-9]{4,6}";

    private final DossierManagement dossiers;
    private final UnitAccess access;
    private final IdempotencyKeys idempotency;
    private final Citizens citizens;

    DossierController(DossierManagement dossiers, UnitAccess access, IdempotencyKeys idempotency, Citizens citizens) {
        this.citizens = citizens;
        this.dossiers = dossiers;
        this.access = access;
        this.idempotency = idempotency;
    }

    record SubmissionRequest(
            @NotBlank @Size(max = 100) String procedureKey,
            @NotBlank @Size(max = 32) String unitCode,
            @NotNull Channel channel,
            @NotNull ResultChannel resultChannel,
            @NotNull @Size(max = 200) Map<String, Object> data,
            @Size(max = 20) Map<String, Long> reuse,
            Boolean reuseConsent,
            @Schema(description = "true when a desk officer of the unit helps the citizen submit online: the dossier"
                    + " stays ONLINE in every report and names the officer (who must be logged in)")
            Boolean assistedAtDesk) {

        boolean assisted() {
            return Boolean.TRUE.equals(assistedAtDesk);
        }
    }

    record SupplementRequest(
            @NotBlank @Size(max = 2000) String note,
            @Size(max = 200) Map<String, Object> data) {
    }

    record ProcedureRef(String key, int version, String code, String name, String legalBasis) {
    }

    /**
     * @param legal            the legal deadline (3d, 4h, same-day)
     * @param late             finished after, or still open past, the due date (apology or not)
     * @param newAppointmentDate the latest apology letter's new appointment
     * @param provisional      whether the due date rests on a year counted on its provisional statutory calendar
     * @param provisionalYears which years those are (counted again when their schedule is loaded)
     */
    record Deadline(String legal, Instant countingStartedAt, Instant dueAt, Instant originalDueAt, boolean paused,
            long pausedWorkingMinutes, boolean late, Instant overdueAt, LocalDate newAppointmentDate,
            String apologyReason, boolean provisional, SortedSet<Integer> provisionalYears) {

        static Deadline of(Dossier d, Instant now) {
            DossierClock c = d.clock();
            return new Deadline(c.legalDeadline(), c.countingStartedAt(), d.dueAt(), c.originalDueAt(), c.paused(),
                    c.pausedWorkingTime().toMinutes(), d.late(now), c.overdueAt(), c.newAppointmentDate(),
                    c.apologyReason(), c.provisional(), c.provisionalYears());
        }
    }

    record DossierResponse(
            String code,
            ProcedureRef procedure,
            String unitCode,
            String decidingUnitCode,
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
            Deadline deadline,
            String currentStep,
            String currentHolder,
            String assistedBy,
            List<DossierEvent> controlSheet) {

        static DossierResponse of(Dossier d, List<DossierEvent> controlSheet, Instant now) {
            return new DossierResponse(d.code(),
                    new ProcedureRef(d.procedureKey(), d.procedureVersion(), d.procedureCode(), d.procedureName(),
                            d.legalBasis()),
                    d.unitCode(), d.decidingUnitCode(), d.channel(), d.resultChannel(), d.status(), d.decision(), d.applicant(),
                    d.formData(), d.deadlineDays(), d.receivedAt(), d.acceptedAt(), d.dueAt(), d.finishedAt(),
                    Deadline.of(d, now), d.currentStep(), d.currentHolder(), d.assistedBy(), controlSheet);
        }
    }

    // OpenAPI shows one operation per path and method: both variants carry the same text.
    private static final String SUBMIT = "Submit a dossier for a procedure, with its documents";
    private static final String SUBMIT_DETAILS = "multipart/form-data: part `submission` (Content-Type application/json,"
            + " the SubmissionRequest), then one part per file named by the document slot's id (`GET /api/procedures/{key}`"
            + " lists the slots; several files per slot are allowed). Values and files are all checked before anything is"
            + " stored, every required slot needs a file, and a refusal lists every broken rule and stores nothing (no"
            + " dossier, no document, no file). application/json (the SubmissionRequest alone) only for procedures that"
            + " require no document: for the others it is refused naming each missing one.";
    private static final String SUPPLEMENT = "Answer a supplement request: what was supplied, corrected values, documents";
    private static final String SUPPLEMENT_DETAILS = "application/json: the SupplementRequest. multipart/form-data: part"
            + " `supplement` (Content-Type application/json, the SupplementRequest), then the files, one part each, named by"
            + " document slot id. Everything is checked before anything is stored.";

    /** The dossier as submitted, and the lookup secret the applicant must keep: it is shown only here. */
    record SubmittedResponse(@JsonUnwrapped DossierResponse dossier, String lookupSecret) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = SUBMIT, description = SUBMIT_DETAILS)
    ResponseEntity<SubmittedResponse> submitWithDocuments(@Valid @RequestPart("submission") SubmissionRequest request,
            MultipartHttpServletRequest files,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return submitted(request, uploads(files, "submission"), idempotencyKey);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = SUBMIT, description = SUBMIT_DETAILS)
    ResponseEntity<SubmittedResponse> submit(@Valid @RequestBody SubmissionRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return submitted(request, List.of(), idempotencyKey);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A dossier with its control sheet")
    DossierResponse get(@PathVariable @Pattern(regexp = CODE) String code) {
        return details(dossiers.get(code));
    }

    @PostMapping(path = "/{code}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = SUPPLEMENT, description = SUPPLEMENT_DETAILS)
    DossierResponse supplementWithDocuments(@PathVariable @Pattern(regexp = CODE) String code,
            @Valid @RequestPart("supplement") SupplementRequest request, MultipartHttpServletRequest files) {
        return details(dossiers.receiveSupplement(code, request.note(), request.data(), uploads(files, "supplement"),
                access.actor()));
    }

    @PostMapping(path = "/{code}/supplement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = SUPPLEMENT, description = SUPPLEMENT_DETAILS)
    DossierResponse supplement(@PathVariable @Pattern(regexp = CODE) String code,
            @Valid @RequestBody SupplementRequest request) {
        return details(dossiers.receiveSupplement(code, request.note(), request.data(), List.of(), access.actor()));
    }

    /**
     * Online: the applicant; at the counter or by post: the unit's reception officer, who must be
     * logged in. A retry with the same {@code Idempotency-Key}, values and files gets the same
     * dossier and lookup secret (200) instead of a second dossier.
     */
    private ResponseEntity<SubmittedResponse> submitted(SubmissionRequest request, List<Upload> uploads,
            String idempotencyKey) {
        if (request.assisted() && request.channel() != Channel.ONLINE) {
            throw InvalidSubmissionException.of("assistedAtDesk", "assistedOnlineOnly",
                    "chỉ hồ sơ nộp trực tuyến (channel ONLINE) mới được ghi là cán bộ hỗ trợ nộp"
                            + " / only an online submission (channel ONLINE) is assisted at the desk");
        }
        // An assisted online submission is the citizen's, entered with the desk officer, who must receive for the unit.
        String assistant = request.assisted() ? access.checkReceivesFor(request.unitCode()).id() : null;
        String submitter = request.channel() == Channel.ONLINE ? "applicant"
                : access.checkReceivesFor(request.unitCode()).id();
        List<String> files = uploads.stream()
                .map(upload -> upload.slot() + "/" + upload.fileName() + "/" + IdempotencyKeys.digest(upload.content()))
                .toList();
        // Inspect first, outside the key's transaction: a slow upload must not hold a connection.
        IdempotencyKeys.Created created;
        try (DossierManagement.CheckedSubmission checked = dossiers.check(new Submission(request.procedureKey(),
                request.unitCode(), request.channel(), request.resultChannel(), request.data(), reused(request)), uploads)) {
            created = idempotency.once(idempotencyKey, submitter, List.of(request, files), () -> {
                SubmittedDossier submitted = dossiers.record(checked, submitter, assistant);
                return new IdempotencyKeys.Created(submitted.dossier().code(), submitted.lookupSecret(), false);
            });
        }
        SubmittedResponse body = new SubmittedResponse(details(dossiers.get(created.resource())), created.payload());
        return created.replayed() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/dossiers/" + created.resource())).body(body);
    }

    /**
     * Papers reused from earlier dossiers: only by the citizen they belong to, logged in through the
     * citizens' provider, for a dossier in their own name, and with their consent (docs/portal.md).
     */
    private Map<String, Long> reused(SubmissionRequest request) {
        if (request.reuse() == null || request.reuse().isEmpty()) {
            return Map.of();
        }
        String citizen = citizens.currentIdentityNumber().orElseThrow(AccessRefusedException::unauthenticated);
        if (!Boolean.TRUE.equals(request.reuseConsent())) {
            throw InvalidSubmissionException.of("reuseConsent", "required",
                    "Cần đồng ý cho dùng lại giấy tờ đã nộp / Consent to reusing the papers is needed");
        }
        if (!citizen.equals(String.valueOf(request.data().get("applicantIdNumber")))) {
            throw InvalidSubmissionException.of("applicantIdNumber", "notCitizen",
                    "Chỉ dùng lại giấy tờ cho hồ sơ đứng tên chính mình / Papers are reused only for one's own dossier");
        }
        return request.reuse();
    }

    /** Every file part except the JSON one, by part name (the slot id). */
    private static List<Upload> uploads(MultipartHttpServletRequest request, String jsonPart) {
        return request.getMultiFileMap().entrySet().stream()
                .filter(part -> !part.getKey().equals(jsonPart))
                .flatMap(part -> part.getValue().stream()
                        .map(file -> new Upload(part.getKey(), file.getOriginalFilename(), file)))
                .toList();
    }

    /** A travelling dossier's control sheet as the reader's unit may read it ({@link ControlSheetParts}). */
    private DossierResponse details(Dossier dossier) {
        List<DossierEvent> whole = dossiers.controlSheet(dossier.code());
        List<DossierEvent> sheet = !dossier.travels() ? whole : access.current()
                .map(officer -> ControlSheetParts.visible(whole, officer.canRead(dossier.unitCode()),
                        officer.canRead(dossier.decidingUnitCode())))
                .orElse(whole);
        return DossierResponse.of(dossier, sheet, ClockUtil.getCurrentTime().toInstant());
    }
}
