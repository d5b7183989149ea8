package vn.motcua.security;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.motcua.security.Officer.Role;
import vn.motcua.unit.Unit;

/**
 * The engine groups of each unit and who is in them: {@code <role>:<unit code>} for reception,
 * specialist, head and supervisor, with the authorizations {@link EngineAuthorizations} gives them.
 * Memberships are the one record of who holds which role: officers log in with them (password or
 * OIDC), Tasklist routes by them, and the administration API writes them. Runs in the caller's
 * transaction (the engine joins Spring's).
 */
@Service
public class UnitGroups {

    /** Group names are data in the engine: written once, in the agency's language. */
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final IdentityService identity;
    private final EngineAuthorizations authorizations;
    private final MessageSource messages;

    UnitGroups(IdentityService identity, EngineAuthorizations authorizations, MessageSource messages) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.messages = messages;
    }

    /** Creates what is missing of the unit's groups and their grants; safe to repeat, on any node. */
    public void ensure(Unit unit) {
        for (Role role : Role.values()) {
            String id = role.group(unit.code());
            String name = messages.getMessage("unit.group." + role.name(), new Object[] {unit.name()}, VIETNAMESE);
            Group group = identity.createGroupQuery().groupId(id).singleResult();
            if (group == null) {
                group = identity.newGroup(id);
                group.setType("WORKFLOW");
            } else if (name.equals(group.getName())) {
                continue;
            }
            // A renamed unit renames its groups, as Tasklist and Admin show them.
            group.setName(name);
            identity.saveGroup(group);
        }
        authorizations.grantUnit(unit);
    }

    /** Removes the groups of a unit that is deleted (one with no dossiers); the engine drops their memberships and grants. */
    public void drop(String unitCode) {
        for (Role role : Role.values()) {
            identity.deleteGroup(role.group(unitCode));
        }
    }

    public boolean userExists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    /** A new officer; without a password only the OIDC provider logs them in. */
    public void createUser(String userId, String firstName, String lastName, String email, String password) {
        User user = identity.newUser(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        if (password != null) {
            user.setPassword(password);
        }
        identity.saveUser(user);
    }

    /** Gives the user the role in the unit; false when they held it already. */
    public boolean assign(String userId, Role role, String unitCode) {
        if (holds(userId, role, unitCode)) {
            return false;
        }
        identity.createMembership(userId, role.group(unitCode));
        return true;
    }

    /** Takes the role in the unit away from the user; false when they did not hold it. */
    public boolean remove(String userId, Role role, String unitCode) {
        if (!holds(userId, role, unitCode)) {
            return false;
        }
        identity.deleteMembership(userId, role.group(unitCode));
        return true;
    }

    public boolean holds(String userId, Role role, String unitCode) {
        return identity.createUserQuery().userId(userId).memberOfGroup(role.group(unitCode)).count() > 0;
    }

    /** The holders of a role in the unit, by id. */
    public List<RoleHolder> holders(Role role, String unitCode) {
        return identity.createUserQuery().memberOfGroup(role.group(unitCode)).orderByUserId().asc().unlimitedList().stream()
                .map(user -> new RoleHolder(user.getId(), fullName(user), user.getEmail(), role))
                .toList();
    }

    private static String fullName(User user) {
        String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
                + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /** An officer holding a role in a unit. */
    public record RoleHolder(String userId, String name, String email, Role role) {
    }
}
