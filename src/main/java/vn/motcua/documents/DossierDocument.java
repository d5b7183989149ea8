package vn.motcua.documents;

import java.time.Instant;

/** A stored document of a dossier, without its bytes and extracted text. */
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
        String uploadedBy) {
}
