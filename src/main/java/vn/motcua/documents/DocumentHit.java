package vn.motcua.documents;

/** A document whose name or extracted text matches a search, with the text around the first match. */
public record DocumentHit(DossierDocument document, String excerpt) {
}
