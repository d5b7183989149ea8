package vn.motcua.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.agency.AgencyRequestException.Violation;
import vn.motcua.audit.AuditAction;
import vn.motcua.security.Officer.Role;
import vn.motcua.security.UnitGroups;
import vn.motcua.security.UnitGroups.RoleHolder;
import vn.motcua.unit.Unit;

/**
 * Who holds which role in which unit, kept as the engine's group memberships ({@link UnitGroups}):
 * what an officer may see and do follows at their next request, in Tasklist too. OIDC-provisioned
 * officers are the same engine users (their memberships come from here, or from the token's groups claim).
 */
@Service
class OfficerAdministration {

    // The engine's whitelist for user ids (application.yaml), as OIDC logins are checked.
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final int MIN_PASSWORD = 8;

    private final UnitAdministration units;
    private final UnitGroups groups;
    private final AgencyTexts texts;
    private final AgencyAudit audit;

    OfficerAdministration(UnitAdministration units, UnitGroups groups, AgencyTexts texts, AgencyAudit audit) {
        this.units = units;
        this.groups = groups;
        this.texts = texts;
        this.audit = audit;
    }

    /** A new officer's user; a password only where officers log in with one (not through OIDC). */
    @Transactional
    void create(OfficerForm form) {
        List<Violation> violations = new ArrayList<>();
        if (form.id() == null || !USER_ID.matcher(form.id()).matches()) {
            violations.add(texts.violation(null, "id", "userId"));
        }
        if (form.lastName() == null || form.lastName().isBlank() || form.lastName().length() > 255) {
            violations.add(texts.violation(null, "lastName", "lastName"));
        }
        if (form.password() != null && (form.password().length() < MIN_PASSWORD || form.password().length() > 128)) {
            violations.add(texts.violation(null, "password", "password", MIN_PASSWORD));
        }
        if (!violations.isEmpty()) {
            throw AgencyRequestException.invalid(violations.get(0).message(), violations);
        }
        if (groups.userExists(form.id())) {
            throw AgencyRequestException.conflict(texts.get("agency.officer.exists", form.id()));
        }
        groups.createUser(form.id(), form.firstName(), form.lastName(), form.email(), form.password());
        audit.record(AuditAction.OFFICER_CREATED, null, form.id(), form.password() == null ? "oidc" : "password");
    }

    @Transactional
    boolean assign(String unitCode, String role, String userId) {
        return change(unitCode, role, userId, groups::assign, AuditAction.ROLE_ASSIGNED);
    }

    @Transactional
    boolean remove(String unitCode, String role, String userId) {
        return change(unitCode, role, userId, groups::remove, AuditAction.ROLE_REMOVED);
    }

    /** Applies a membership change; audited only when it changed something. */
    private boolean change(String unitCode, String role, String userId, MembershipChange change, AuditAction action) {
        Unit unit = units.get(unitCode);
        Role parsed = role(role);
        existing(userId);
        boolean changed = change.apply(userId, parsed, unit.code());
        if (changed) {
            audit.record(action, unit.code(), userId, parsed.name());
        }
        return changed;
    }

    private interface MembershipChange {
        boolean apply(String userId, Role role, String unitCode);
    }

    /** Every role holder of the unit, role by role. */
    List<RoleHolder> holders(String unitCode) {
        Unit unit = units.get(unitCode);
        List<RoleHolder> holders = new ArrayList<>();
        for (Role role : Role.values()) {
            holders.addAll(groups.holders(role, unit.code()));
        }
        return holders;
    }

    Role role(String value) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return role;
            }
        }
        throw AgencyRequestException.invalid(texts.get("agency.violation.role"),
                List.of(texts.violation(null, "role", "role")));
    }

    void existing(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches() || !groups.userExists(userId)) {
            throw AgencyRequestException.notFound(texts.get("agency.officer.notFound", userId));
        }
    }

    /** A new officer. */
    record OfficerForm(String id, String firstName, String lastName, String email, String password) {
    }
}
