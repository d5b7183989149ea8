package vn.motcua.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Decision;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Letterhead;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.EventType;
import vn.motcua.printing.DocumentPrinter;

/**
 * Prints a decided dossier's result: the procedure's own result document
 * ({@code printing/templates/results/<procedureKey>.xhtml}) or, without one, a generic decision
 * notice; a rejection always gives the reasoned refusal notice with the head of unit's reason.
 */
@Component
class ResultDocuments {

    static final String APPROVAL_STEP = "approve_dossier";
    private static final String TEMPLATES = "printing/templates/";

    private final DocumentPrinter printer;
    private final Letterhead letterhead;

    ResultDocuments(DocumentPrinter printer, Letterhead letterhead) {
        this.printer = printer;
        this.letterhead = letterhead;
    }

    byte[] print(Dossier dossier, List<DossierEvent> controlSheet, Instant issuedAt) {
        if (dossier.decision() == null) {
            throw new IllegalStateException("Dossier " + dossier.code() + " has no decision to print");
        }
        Map<String, Object> model = letterhead.model(dossier, issuedAt);
        model.put("data", dossier.formData());
        model.put("reason", headsReason(controlSheet));
        return printer.print(template(dossier), model, Letterhead.VIETNAMESE);
    }

    static String template(Dossier dossier) {
        if (dossier.decision() == Decision.REJECTED) {
            return "results/refusal-notice";
        }
        String own = "results/" + dossier.procedureKey();
        return new ClassPathResource(TEMPLATES + own + ".xhtml").exists() ? own : "results/decision-notice";
    }

    /** File name of the result as the applicant downloads it. */
    static String fileName(Dossier dossier) {
        return (dossier.decision() == Decision.REJECTED ? "thong-bao-tu-choi-" : "ket-qua-") + dossier.code() + ".pdf";
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
}
