package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;

import vn.motcua.catalogue.ResultChannel;

/**
 * A dossier as our tables hold it. The process instance only routes it; lists, reports and the
 * control sheet read these fields.
 *
 * @param code     official dossier code {@code UNIT-YYMMDD-NNNN}, also the process business key
 * @param legalBasis the legal basis of the procedure version the dossier was submitted on
 * @param formData the values submitted on the procedure's form
 * @param dueAt    the overall due date (the receipt's appointment), from the procedure's legal deadline
 *                 counted on the working-time calendar; moved only by the supplement clock policy
 * @param clock    the rest of the deadline facts: counting start, original due date, pauses, overdue, apology
 * @param decidingUnitCode the unit that processes and decides it: {@code unitCode} (where it was received and
 *                 is returned) unless the procedure travels ("liên thông", {@code procedure.decidedBy})
 */
public record Dossier(
        long id,
        String code,
        String procedureKey,
        int procedureVersion,
        String procedureCode,
        String procedureName,
        String legalBasis,
        String unitCode,
        Channel channel,
        ResultChannel resultChannel,
        DossierStatus status,
        Decision decision,
        Applicant applicant,
        Map<String, Object> formData,
        int deadlineDays,
        Instant receivedAt,
        Instant acceptedAt,
        Instant dueAt,
        Instant finishedAt,
        String currentStep,
        String currentHolder,
        String submittedBy,
        String assistedBy,
        String processInstanceId,
        DossierClock clock,
        String decidingUnitCode) {

    /** Whether it was received at one unit and is decided by another. */
    public boolean travels() {
        return !unitCode.equals(decidingUnitCode);
    }

    /** Late: finished after its due date, or still open past it. An apology letter does not change that. */
    public boolean late(Instant now) {
        if (dueAt == null) {
            return false;
        }
        return finishedAt != null ? finishedAt.isAfter(dueAt) : now.isAfter(dueAt);
    }
}
