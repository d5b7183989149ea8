package vn.motcua.portal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.Procedure;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.Citizens.CitizenProfile;

/**
 * What the state already holds about a logged-in citizen, offered again instead of asked again:
 * the identity claims as the form's applicant fields, and the papers of their earlier dossiers.
 */
@Component
class CitizenPapers {

    /** More dossiers than anyone files: the page is a list, not an export. */
    static final int DOSSIERS = 200;
    static final int PAPERS = 200;

    private final DossierManagement dossiers;
    private final DossierDocuments documents;

    CitizenPapers(DossierManagement dossiers, DossierDocuments documents) {
        this.dossiers = dossiers;
        this.documents = documents;
    }

    /** A paper of an earlier dossier. */
    record Paper(long id, String slot, String name, String type, long size, String dossierCode, Instant uploadedAt,
            String sha256) {

        static Paper of(DossierDocument document) {
            return new Paper(document.id(), document.slot(), document.name(), document.type().name(), document.size(),
                    document.dossierCode(), document.uploadedAt(), document.sha256());
        }
    }

    List<Dossier> dossiersOf(CitizenProfile citizen) {
        return dossiers.findByApplicant(citizen.identityNumber(), DOSSIERS);
    }

    /** Every paper once (the newest copy of the same file), newest first. */
    List<Paper> papersOf(CitizenProfile citizen) {
        List<String> codes = dossiersOf(citizen).stream().map(Dossier::code).toList();
        Map<String, Paper> byFile = new LinkedHashMap<>();
        documents.reusable(codes, PAPERS).forEach(document -> byFile.putIfAbsent(document.slot() + "/" + document.sha256(),
                Paper.of(document)));
        return List.copyOf(byFile.values());
    }

    /** The papers that fit each slot of the procedure: the same slot in an earlier dossier, of a type and size it takes. */
    Map<String, List<Paper>> reusableFor(Procedure procedure, CitizenProfile citizen) {
        List<Paper> papers = papersOf(citizen);
        Map<String, List<Paper>> bySlot = new LinkedHashMap<>();
        for (DocumentSlot slot : procedure.documents()) {
            Set<String> types = slot.types().stream().map(Enum::name).collect(Collectors.toSet());
            List<Paper> fitting = papers.stream()
                    .filter(p -> p.slot().equals(slot.id()) && types.contains(p.type()) && p.size() <= slot.maxSizeBytes())
                    .toList();
            if (!fitting.isEmpty()) {
                bySlot.put(slot.id(), fitting);
            }
        }
        return bySlot;
    }

    /** The submission form's applicant fields as the identity provider gave them; absent claims left out. */
    static Map<String, Object> prefill(CitizenProfile citizen) {
        Map<String, Object> values = new LinkedHashMap<>();
        putIfPresent(values, "applicantName", citizen.name());
        putIfPresent(values, "applicantIdNumber", citizen.identityNumber());
        putIfPresent(values, "applicantPhone", citizen.phone());
        putIfPresent(values, "applicantEmail", citizen.email());
        putIfPresent(values, "applicantAddress", citizen.address());
        return values;
    }

    private static void putIfPresent(Map<String, Object> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
