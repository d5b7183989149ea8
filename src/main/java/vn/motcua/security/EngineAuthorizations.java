package vn.motcua.security;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.security.Officer.Role;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;
import vn.motcua.web.ProblemTexts;

/**
 * The engine's authorizations, in three layers so that no one needs to maintain them by hand:
 * <ol>
 * <li>at every start, and when an administrator creates a unit ({@link UnitGroups}), for every unit and role group: Tasklist, the shared filters, the process
 * definitions' names; heads and supervisors also Cockpit; supervisors read every instance;</li>
 * <li>when a process instance starts, the groups of its unit ({@code unit} variable) may read it
 * ({@link #grantInstance});</li>
 * <li>when a task is created, its unit's head may read and reassign it ({@link #grantTask}); the
 * engine itself lets the candidate groups and the assignee read and work it.</li>
 * </ol>
 * So an officer sees only their unit's tasks and instances. {@code camunda-admin} has everything
 * (created by the Camunda starter with the first administrator).
 */
@Component
class EngineAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(EngineAuthorizations.class);
    static final List<Role> UNIT_ROLES = List.of(Role.RECEPTION, Role.SPECIALIST, Role.HEAD);

    private final AuthorizationService authorizations;
    private final UnitDirectory units;
    private final IdentityService identity;
    private final MessageSource messages;

    EngineAuthorizations(AuthorizationService authorizations, UnitDirectory units, IdentityService identity,
            MessageSource messages) {
        this.authorizations = authorizations;
        this.units = units;
        this.identity = identity;
        this.messages = messages;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantGroups() {
        units.all().forEach(this::grantUnit);
        officerGroup(Officer.SUPERVISOR_GROUP, true);
        grant(Officer.SUPERVISOR_GROUP, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY);
    }

    /** The grants of a unit's role groups; a unit created while the application runs gets them at once. */
    void grantUnit(Unit unit) {
        for (Role role : UNIT_ROLES) {
            officerGroup(role.group(unit.code()), role == Role.HEAD);
        }
        grant(Role.SUPERVISOR.group(unit.code()), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }

    private void officerGroup(String group, boolean cockpit) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        if (cockpit) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        }
        grant(group, Resources.FILTER, "*", Permissions.READ);
        grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
    }

    /** Called in the engine's transaction when an instance of a unit's process starts. */
    void grantInstance(String processInstanceId, String unitCode) {
        asEngine(() -> {
            for (Role role : UNIT_ROLES) {
                create(role.group(unitCode), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
            }
            create(Role.SUPERVISOR.group(unitCode), Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        });
    }

    /** Called in the engine's transaction when a task of a unit's process is created. */
    void grantTask(String taskId, String unitCode, Set<String> candidateGroups) {
        asEngine(() -> {
            // A candidate group has its grant from the engine already (read and work), made in this
            // same command, where a second one would break the unique key.
            if (!candidateGroups.contains(Role.HEAD.group(unitCode))) {
                create(Role.HEAD.group(unitCode), Resources.TASK, taskId, Permissions.READ, TaskPermissions.TASK_ASSIGN);
            }
            create(Role.SUPERVISOR.group(unitCode), Resources.TASK, taskId, Permissions.READ);
        });
    }

    /** Whether the user exists and belongs to one of these groups (read whoever is logged in). */
    boolean isMemberOfAny(String userId, Set<String> groups) {
        return Context.getCommandContext().runWithoutAuthorization(() -> groups.stream().anyMatch(group ->
                identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
    }

    /** A 400 on the engine REST API and in Tasklist: the task stays with whom it was. */
    BadUserRequestException assignmentRefused(String userId, Set<String> groups) {
        return new BadUserRequestException(new ProblemTexts(messages).detail("security.assignment.refused",
                userId, String.join(", ", new java.util.TreeSet<>(groups))));
    }

    /** The officer whose call started the instance or task may not grant anything themselves. */
    private static void asEngine(Runnable grants) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            grants.run();
            return null;
        });
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing == null) {
            try {
                create(group, resource, resourceId, permissions);
            } catch (ProcessEngineException concurrentStart) {
                // Another node created the same grant at the same moment (unique per group and resource).
                LOG.debug("Grant for {} on {} {} exists already", group, resource.resourceName(), resourceId,
                        concurrentStart);
            }
            return;
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!existing.isPermissionGranted(permission)) {
                existing.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(existing);
        }
    }

    private void create(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
