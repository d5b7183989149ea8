package vn.motcua.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.documents.CheckedUploads;
import vn.motcua.documents.DocumentContent;
import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.Purpose;
import vn.motcua.documents.Upload;
import vn.motcua.documents.UploadRule;
import vn.motcua.dossier.Decision;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.EventType;
import vn.motcua.dossier.Letterhead;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.printing.PdfSignatures;

/**
 * The result document of a dossier, from draft to issue. The specialist's draft is printed from the template the
 * procedure's version ships ({@code procedure.resultTemplate}) or the generic decision document, and kept as a
 * document of the dossier with its SHA-256; the head of unit approves that hash, refused when the draft changed
 * since; what the applicant receives electronically is the approved PDF itself with the unit's signature appended.
 */
@Service
public class ResultDrafts {

    static final String APPROVAL_STEP = "approve_dossier";
    static final String GENERIC = "results/decision-notice";
    static final String REFUSAL = "results/refusal-notice";
    static final String SLOT = "result-draft";
    private static final UploadRule PRINTED_PDF = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofMegabytes(20));

    private final DossierManagement dossiers;
    private final ProcedureCatalogue catalogue;
    private final DossierDocuments documents;
    private final DocumentPrinter printer;
    private final Letterhead letterhead;
    private final PdfSignatures signatures;
    private final ResultDraftRepository drafts;
    private final ResultsProcess process;
    private final MessageSource messages;

    ResultDrafts(DossierManagement dossiers, ProcedureCatalogue catalogue, DossierDocuments documents,
            DocumentPrinter printer, Letterhead letterhead, PdfSignatures signatures, ResultDraftRepository drafts,
            ResultsProcess process, MessageSource messages) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.documents = documents;
        this.printer = printer;
        this.letterhead = letterhead;
        this.signatures = signatures;
        this.drafts = drafts;
        this.process = process;
        this.messages = messages;
    }

    /** A new draft of the dossier's result, superseding the earlier ones; {@code note} is printed on it when given. */
    @Transactional
    public ResultDraft draft(String code, String draftedBy, String note, Instant at) {
        Dossier dossier = dossiers.get(code);
        Procedure procedure = catalogue.find(dossier.procedureKey(), dossier.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("Dossier " + code + " names procedure "
                        + dossier.procedureKey() + " version " + dossier.procedureVersion() + ", which is not deployed"));
        Map<String, Object> model = letterhead.model(dossier, at);
        model.put("data", dossier.formData());
        model.put("note", note == null || note.isBlank() ? null : note.strip());
        Optional<String> own = catalogue.resultTemplate(procedure);
        String template = own.isPresent() ? fileName(procedure.resultTemplate()) : GENERIC;
        byte[] pdf = own.map(source -> printer.print(procedure.resultTemplate(), source, model, DocumentPrinter.VIETNAMESE))
                .orElseGet(() -> printer.print(GENERIC, model, DocumentPrinter.VIETNAMESE));
        // Locks the draft in force, so that a head's approval running at the same time waits and then sees this one.
        drafts.currentForUpdate(code);
        DossierDocument stored = store(code, "du-thao-ket-qua-" + code + ".pdf", pdf, Purpose.DRAFT, draftedBy, at);
        return drafts.insert(code, stored.id(), stored.sha256(), template, (String) model.get("note"), at, draftedBy);
    }

    /**
     * The specialist drafts the result again while it awaits the head's approval (a correcting note printed on
     * it); the open approval task then carries the new hash, and an approval of the earlier draft is refused.
     */
    @Transactional
    public ResultDraft redraft(String code, String draftedBy, String note, Instant at) {
        var approval = process.openApproval(code).orElseThrow(() -> new NoApprovalOpenException(code));
        ResultDraft draft = draft(code, draftedBy, note, at);
        process.showDraft(approval, draft);
        return draft;
    }

    /** The draft in force, if the dossier has one. */
    @Transactional(readOnly = true)
    public Optional<ResultDraft> current(String code) {
        return drafts.current(code);
    }

    /** Every draft of the dossier, oldest first. */
    @Transactional(readOnly = true)
    public List<ResultDraft> history(String code) {
        return drafts.all(code);
    }

    /**
     * Records the head of unit's approval of the draft whose hash the head saw. Refused when that is not the
     * draft in force (a new draft since the head opened the task). A dossier drafted before drafts existed has
     * none: nothing to record, and its result is printed when issued.
     */
    @Transactional
    public Optional<ResultDraft> approve(String code, String seenSha256, String approvedBy, Instant at) {
        Optional<ResultDraft> current = drafts.currentForUpdate(code);
        current.ifPresent(draft -> {
            if (seenSha256 == null || !draft.sha256().equalsIgnoreCase(seenSha256.strip())) {
                throw new ResultDraftChangedException(code, seenSha256, draft.sha256());
            }
            drafts.approve(draft.id(), draft.sha256(), at, approvedBy);
        });
        return current.flatMap(draft -> drafts.current(code));
    }

    /**
     * The result the applicant receives electronically: the approved draft (or, for a rejection, the reasoned
     * refusal notice with the head's reason), signed by the dossier's unit at {@code at}.
     */
    @Transactional(readOnly = true)
    public IssuedResult issue(String code, Instant at) {
        Dossier dossier = dossiers.get(code);
        if (dossier.decision() == null) {
            throw new IllegalStateException("Dossier " + code + " has no decision to issue");
        }
        byte[] unsigned = dossier.decision() == Decision.REJECTED ? refusal(dossier, at) : approvedDocument(dossier, at);
        String reason = messages.getMessage(dossier.decision() == Decision.REJECTED ? "results.signature.refusal"
                : "results.signature.result", new Object[] {code}, DocumentPrinter.VIETNAMESE);
        return new IssuedResult(fileName(dossier), signatures.sign(unsigned, dossier.unitCode(), reason, at));
    }

    // The template's file name, as the analyst named it, without the folder the deployment keeps it in.
    private static String fileName(String resource) {
        return resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf('\\')) + 1);
    }

    /** Where officers open the draft (the dossier document, shown in the browser). */
    static String documentUrl(ResultDraft draft) {
        return "/api/dossiers/" + draft.dossierCode() + "/documents/" + draft.documentId() + "?inline=true";
    }

    /** File name of the result as the applicant downloads it. */
    public static String fileName(Dossier dossier) {
        return (dossier.decision() == Decision.REJECTED ? "thong-bao-tu-choi-" : "ket-qua-") + dossier.code() + ".pdf";
    }

    /**
     * Stores a printed PDF with the dossier's documents, inspected like any upload so it has its checksum and
     * extracted text like the others.
     */
    @Transactional
    public DossierDocument store(String code, String fileName, byte[] pdf, Purpose purpose, String by, Instant at) {
        Upload upload = new Upload(SLOT, fileName, new ByteArrayResource(pdf));
        try (CheckedUploads checked = documents.check(List.of(upload), slot -> Optional.of(PRINTED_PDF))) {
            if (!checked.violations().isEmpty()) {
                throw new IllegalStateException("The printed document " + fileName + " was refused: " + checked.violations());
            }
            return documents.store(code, checked.accepted(), purpose, by, at).get(0);
        }
    }

    private byte[] approvedDocument(Dossier dossier, Instant at) {
        Optional<ResultDraft> approved = drafts.current(dossier.code()).filter(ResultDraft::approved);
        if (approved.isEmpty()) {
            // Approved before results were drafted (an instance older than the draft step): printed now.
            Map<String, Object> model = letterhead.model(dossier, at);
            model.put("data", dossier.formData());
            return printer.print(GENERIC, model, DocumentPrinter.VIETNAMESE);
        }
        DocumentContent content = documents.open(dossier.code(), approved.get().documentId()).orElseThrow(
                () -> new IllegalStateException("The approved draft of " + dossier.code() + " is missing from the store"));
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] refusal(Dossier dossier, Instant at) {
        Map<String, Object> model = letterhead.model(dossier, at);
        model.put("data", dossier.formData());
        model.put("reason", headsReason(dossiers.controlSheet(dossier.code())));
        return printer.print(REFUSAL, model, DocumentPrinter.VIETNAMESE);
    }

    // The head's note on the last approval step: the reason given with the decision.
    private static String headsReason(List<DossierEvent> controlSheet) {
        for (int i = controlSheet.size() - 1; i >= 0; i--) {
            DossierEvent event = controlSheet.get(i);
            if (event.type() == EventType.STEP_COMPLETED && APPROVAL_STEP.equals(event.stepId())) {
                return event.note();
            }
        }
        return null;
    }

    /** A result as issued: its file name and the signed PDF. */
    public record IssuedResult(String fileName, byte[] pdf) {
    }
}
