package vn.motcua.dossier;

/**
 * A dossier went through a transition its applicant is told about (submitted, accepted, supplement
 * requested, refused, decided, closed, result returned), published in the transaction that records it:
 * a listener that joins it (an engine job's, an officer's request) stands or falls with the transition.
 *
 * @param code the dossier code
 * @param type the control-sheet row just appended
 */
public record DossierChanged(String code, EventType type) {
}
