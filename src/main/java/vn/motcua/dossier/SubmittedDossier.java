package vn.motcua.dossier;

/**
 * A dossier just submitted, with the applicant's lookup secret: the only moment the secret exists
 * in clear, as only its hash is stored.
 */
public record SubmittedDossier(Dossier dossier, String lookupSecret) {
}
