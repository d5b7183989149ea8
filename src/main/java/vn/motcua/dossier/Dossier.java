package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;

import vn.motcua.catalogue.ResultChannel;

/**
 * A dossier as our tables hold it. The process instance only routes it; lists, reports and the
 * control sheet read these fields.
 *
 * @param code     official dossier code {@code UNIT-YYMMDD-NNNN}, also the process business key
 * @param formData the values submitted on the procedure's form
 * @param dueAt    the overall deadline, set by the working-day calendar once the dossier is accepted
 */
public record Dossier(
        long id,
        String code,
        String procedureKey,
        int procedureVersion,
        String procedureCode,
        String procedureName,
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
        String processInstanceId) {
}
