package vn.motcua.security;

import java.util.Optional;

/**
 * Which unit decides a dossier received at another ("liên thông"), implemented by the dossier capability:
 * its officers may read the dossier under {@code /api/dossiers/{code}} too, though the code names the
 * receiving unit ({@link DossierCodeAccess}).
 */
public interface DecidingUnits {

    /** The deciding unit of the dossier with this code when it is not the receiving unit; empty otherwise or when there is none. */
    Optional<String> decidingUnitOf(String dossierCode);
}
