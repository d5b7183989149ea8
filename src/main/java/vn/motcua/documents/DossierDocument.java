package vn.motcua.documents;

import java.time.Instant;

/**
 * A stored document of a dossier, without its bytes and extracted text.
 *
 * @param reusedFrom when the applicant reused a paper of an earlier dossier instead of uploading it
 *                   again: that paper (its dossier and id); null for an upload
 */
public record DossierDocument(
        long id,
        String dossierCode,
        String slot,
        String name,
        DocumentType type,
        long size,
        String sha256,
        Purpose purpose,
        Instant uploadedAt,
        String uploadedBy,
        ReusedFrom reusedFrom) {

    /** The earlier dossier's document whose stored file this one shares. */
    public record ReusedFrom(String dossierCode, long documentId) {
    }
}
