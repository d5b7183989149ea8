package vn.motcua.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.web.ProblemTexts;

/**
 * What the current request may see and do, for other capabilities' endpoints:
 * {@code unitAccess.checkCanRead(dossier.unitCode())} refuses with an RFC 7807 problem (401 for
 * nobody logged in, 403 otherwise). The same rules the engine's authorizations give Tasklist.
 */
@Component
public class UnitAccess {

    /** A unit code as dossier codes begin with it. */
    public static final String UNIT_CODE = "[0-9A-Za-z.]{1,32}";
    /** A dossier code, {@code <unit>-<yymmdd>-<n>} (the dossier capability's format). */
    public static final String DOSSIER_CODE = UNIT_CODE + "-[0-9]{6}-[0-9]{4,6}";

    private final ProblemTexts texts;

    UnitAccess(MessageSource messages) {
        this.texts = new ProblemTexts(messages);
    }

    /** The officer of this request, if one logged in. */
    public Optional<Officer> current() {
        return officerOf(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Who to name on records: the officer's id, or {@code anonymous}. */
    public String actor() {
        return current().map(Officer::id).orElse("anonymous");
    }

    public Officer checkCanRead(String unitCode) {
        return check(unitCode, officer -> officer.canRead(unitCode), "security.forbidden.read");
    }

    public Officer checkWorksIn(String unitCode) {
        return check(unitCode, officer -> officer.worksIn(unitCode), "security.forbidden.worksIn");
    }

    public Officer checkHeads(String unitCode) {
        return check(unitCode, officer -> officer.heads(unitCode), "security.forbidden.heads");
    }

    public Officer checkReadsReportsOf(String unitCode) {
        return check(unitCode, officer -> officer.readsReportsOf(unitCode), "security.forbidden.reportsOf");
    }

    /** An officer who reads the reports of at least one unit: a head, a supervisor, an administrator. */
    public Officer checkReadsReports() {
        Officer officer = current().orElseThrow(AccessRefusedException::unauthenticated);
        if (!officer.readsReports()) {
            throw AccessRefusedException.forbidden(texts, "security.forbidden.reports", officer.id());
        }
        return officer;
    }

    /** An officer who receives dossiers at the desk of at least one of these units. */
    public Officer checkReceivesForAny(java.util.Collection<String> unitCodes) {
        Officer officer = current().orElseThrow(AccessRefusedException::unauthenticated);
        if (unitCodes.stream().noneMatch(officer::receivesFor)) {
            throw AccessRefusedException.forbidden(texts, "security.forbidden.receiveAny", officer.id(), String.join(", ", unitCodes));
        }
        return officer;
    }

    public Officer checkReceivesFor(String unitCode) {
        return check(unitCode, officer -> officer.receivesFor(unitCode), "security.forbidden.receive");
    }

    private Officer check(String unitCode, java.util.function.Predicate<Officer> allowed, String refusalKey) {
        Officer officer = current().orElseThrow(AccessRefusedException::unauthenticated);
        if (!allowed.test(officer)) {
            throw AccessRefusedException.forbidden(texts, refusalKey, officer.id(), unitCode);
        }
        return officer;
    }

    /** The unit a dossier code names ({@code <unit>-<yymmdd>-<n>}), or null for anything else. */
    public static String unitOfDossier(String code) {
        return DossierCodeAccess.unitOf(code);
    }

    static Optional<Officer> officerOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || Citizens.isCitizen(authentication)) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(OfficerAuthentication.GROUP_PREFIX))
                .map(authority -> authority.substring(OfficerAuthentication.GROUP_PREFIX.length()))
                .collect(Collectors.toSet());
        return Optional.of(new Officer(authentication.getName(), groups));
    }
}
