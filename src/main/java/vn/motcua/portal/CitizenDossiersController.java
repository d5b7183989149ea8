package vn.motcua.portal;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.security.AccessRefusedException;
import vn.motcua.security.Citizens;

/**
 * A citizen logged in through the citizens' OIDC provider sees the dossiers submitted under their
 * identity number, without codes and secrets; another applicant's dossier is not found, exactly
 * like an unknown code. Only there when the citizens' login is configured (docs/security.md).
 */
@RestController
@RequestMapping("/api/citizen/dossiers")
@Tag(name = "Tracking", description = "Follow a dossier with its code and lookup secret")
class CitizenDossiersController {

    /** More than any one person files; the list is a page, not an export. */
    private static final int LIMIT = 200;

    private final Citizens citizens;
    private final DossierManagement dossiers;
    private final DossierTracking tracking;

    CitizenDossiersController(Citizens citizens, DossierManagement dossiers, DossierTracking tracking) {
        this.citizens = citizens;
        this.dossiers = dossiers;
        this.tracking = tracking;
    }

    record DossierSummary(String code, String procedureName, String unitCode, DossierStatus status, Instant receivedAt,
            Instant dueAt, Instant finishedAt) {
    }

    @GetMapping
    @Operation(summary = "The logged-in citizen's dossiers, newest first (at most 200)")
    List<DossierSummary> list() {
        return dossiers.findByApplicant(identityNumber(), LIMIT).stream()
                .map(d -> new DossierSummary(d.code(), d.procedureName(), d.unitCode(), d.status(), d.receivedAt(),
                        d.dueAt(), d.finishedAt()))
                .toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One of the logged-in citizen's dossiers, as the tracking page shows it",
            description = "Another applicant's dossier and an unknown code both answer 404.")
    DossierTracking.TrackingView view(@PathVariable String code) {
        String identityNumber = identityNumber();
        Dossier dossier = dossiers.find(code)
                .filter(d -> identityNumber.equals(d.applicant().idNumber()))
                .orElseThrow(TrackingNotFoundException::new);
        return tracking.view(dossier);
    }

    private String identityNumber() {
        return citizens.currentIdentityNumber().orElseThrow(AccessRefusedException::unauthenticated);
    }
}
