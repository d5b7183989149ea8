package vn.motcua.audit;

import java.time.Instant;

/**
 * One row of the audit trail.
 *
 * @param actor  the officer's id, {@code anonymous} for a citizen, {@code system} for the engine's own jobs
 * @param target what was acted on within the dossier (a step, a document, a sub-resource)
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String dossierCode,
        String unitCode, String target, String detail, String clientAddress) {
}
