package vn.motcua.results;

import java.time.Instant;

/**
 * One draft of a dossier's result document.
 *
 * @param documentId     the PDF, a document of the dossier with purpose DRAFT ({@code /api/dossiers/{code}/documents/{id}})
 * @param sha256         SHA-256 of the PDF, hex: what the head of unit approves
 * @param template       the template it was drafted from (the procedure's deployment resource, or the generic one)
 * @param note           the specialist's note printed on it, or null
 * @param supersededAt   when a later draft replaced it, or null
 * @param approvedAt     when the head of unit approved it, or null
 * @param approvedSha256 the hash the head of unit approved (always {@code sha256}), or null
 */
public record ResultDraft(
        long id,
        String dossierCode,
        long documentId,
        String sha256,
        String template,
        String note,
        Instant draftedAt,
        String draftedBy,
        Instant supersededAt,
        Instant approvedAt,
        String approvedBy,
        String approvedSha256) {

    public boolean approved() {
        return approvedAt != null;
    }
}
