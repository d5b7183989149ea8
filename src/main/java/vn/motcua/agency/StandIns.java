package vn.motcua.agency;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.MotcuaProperties;
import vn.motcua.agency.AgencyRequestException.Violation;
import vn.motcua.audit.AuditAction;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.AccessRefusedException;
import vn.motcua.security.Officer;
import vn.motcua.security.Officer.Role;
import vn.motcua.security.UnitAccess;
import vn.motcua.security.UnitGroups;
import vn.motcua.security.UnitGroups.RoleHolder;
import vn.motcua.unit.Unit;

/**
 * Stand-ins: a role holder (or an administrator) names a deputy for a period. Its own process
 * ({@code stand_in_period}, engine timers, so every node and the engine clock agree) hands the
 * holder's open tasks of that role in the unit to the deputy when the period begins; tasks created
 * during it go to the deputy as they are created (approvals, at-risk reviews, escalations); the
 * control sheet says on whose behalf; when it ends the tasks still open go back to the holder.
 * Unassigned tasks of the role's group go to the deputy only when the holder is the role's only
 * holder in the unit (otherwise the others are there to take them).
 */
@Service
class StandIns {

    static final String PROCESS = "stand_in_period";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final StandInRepository repository;
    private final UnitAdministration units;
    private final OfficerAdministration officers;
    private final UnitGroups groups;
    private final UnitAccess access;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DossierManagement dossiers;
    private final AgencyTexts texts;
    private final AgencyAudit audit;
    private final ZoneId zone;

    StandIns(StandInRepository repository, UnitAdministration units, OfficerAdministration officers, UnitGroups groups,
            UnitAccess access, RuntimeService runtime, TaskService tasks, DossierManagement dossiers, AgencyTexts texts,
            AgencyAudit audit, MotcuaProperties settings) {
        this.repository = repository;
        this.units = units;
        this.officers = officers;
        this.groups = groups;
        this.access = access;
        this.runtime = runtime;
        this.tasks = tasks;
        this.dossiers = dossiers;
        this.texts = texts;
        this.audit = audit;
        this.zone = settings.zone();
    }

    /** A deputy for the period; the holder is the officer asking unless an administrator names another. */
    @Transactional
    StandIn name(StandInForm form) {
        Officer officer = access.current().orElseThrow(AccessRefusedException::unauthenticated);
        Unit unit = units.get(form.unitCode());
        Role role = officers.role(form.role());
        String holder = form.holderId() == null || form.holderId().isBlank() ? officer.id() : form.holderId().strip();
        if (!officer.isAdmin() && !officer.id().equals(holder)) {
            throw AgencyRequestException.forbidden(texts.get("agency.standIn.forbidden"));
        }
        List<Violation> violations = new ArrayList<>();
        if (!groups.holds(holder, role, unit.code())) {
            violations.add(texts.violation(null, "holderId", "standInHolder", holder, role, unit.code()));
        }
        String deputy = form.deputyId() == null ? null : form.deputyId().strip();
        if (deputy == null || deputy.equals(holder) || !worksIn(deputy, unit.code())) {
            violations.add(texts.violation(null, "deputyId", "standInDeputy", unit.code()));
        }
        if (form.startsAt() == null || form.endsAt() == null || !form.endsAt().isAfter(form.startsAt())) {
            violations.add(texts.violation(null, "endsAt", "standInPeriod"));
        }
        if (!violations.isEmpty()) {
            throw AgencyRequestException.invalid(violations.get(0).message(), violations);
        }
        long id = repository.insert(unit.code(), role, holder, deputy, form.startsAt(), form.endsAt(), officer.id(),
                Instant.now());
        runtime.startProcessInstanceByKey(PROCESS, businessKey(id), Map.of("standInId", id));
        audit.record(AuditAction.STAND_IN_NAMED, unit.code(), holder,
                role + " -> " + deputy + " " + form.startsAt() + " - " + form.endsAt());
        return get(id);
    }

    /** The unit's stand-ins, newest first: for its officers and supervisors. */
    List<StandIn> ofUnit(String unitCode) {
        access.checkCanRead(unitCode);
        return repository.ofUnit(units.get(unitCode).code());
    }

    /** Ends a stand-in early (or before it begins): the holder who named it, or an administrator. */
    @Transactional
    StandIn cancel(long id) {
        StandIn standIn = get(id);
        Officer officer = access.current().orElseThrow(AccessRefusedException::unauthenticated);
        if (!officer.isAdmin() && !officer.id().equals(standIn.holderId())) {
            throw AgencyRequestException.forbidden(texts.get("agency.standIn.forbidden"));
        }
        if (standIn.cancelledAt() != null || standIn.endedAt() != null) {
            return standIn;
        }
        if (standIn.active()) {
            returnTasks(standIn);
        }
        repository.cancelled(id, Instant.now());
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(id))
                .processDefinitionKey(PROCESS).singleResult();
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), "stand-in cancelled");
        }
        audit.record(AuditAction.STAND_IN_CANCELLED, standIn.unitCode(), standIn.holderId(), standIn.role() + " -> "
                + standIn.deputyId());
        return get(id);
    }

    /** {@code hand_tasks_to_deputy}: the period begins. */
    void begin(long id) {
        StandIn standIn = get(id);
        repository.started(id, standIn.startsAt());
        String group = standIn.role().group(standIn.unitCode());
        List<Task> open = new ArrayList<>(tasks.createTaskQuery().taskAssignee(standIn.holderId()).list().stream()
                .filter(task -> candidateGroups(task.getId()).contains(group)).toList());
        if (soleHolder(standIn)) {
            open.addAll(tasks.createTaskQuery().taskCandidateGroup(group).list());
        }
        StandIn active = get(id);
        for (Task task : open) {
            String from = task.getAssignee() != null ? task.getAssignee() : group;
            tasks.setAssignee(task.getId(), standIn.deputyId());
            tasks.setVariableLocal(task.getId(), DossierManagement.ON_BEHALF_OF, onBehalfOf(active));
            handedOver(active, task.getId(), businessKeyOf(task.getProcessInstanceId()), task.getTaskDefinitionKey(),
                    task.getName(), from, standIn.deputyId());
        }
    }

    /** {@code return_tasks_to_holder}: the period ends. */
    void end(long id) {
        StandIn standIn = get(id);
        if (standIn.active()) {
            returnTasks(standIn);
        }
        repository.ended(id, standIn.endsAt());
    }

    /** A task created during a period goes to the deputy at once (the engine's task events, in its transaction). */
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    void taskCreated(DelegateTask task) {
        if (!(task.getVariable("unit") instanceof String)) {
            return; // not a unit's process
        }
        List<String> candidates = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        // The group names the unit: a travelling dossier's approval is the deciding unit's, not its own unit's.
        for (String candidate : candidates) {
            int colon = candidate.indexOf(':');
            String unitCode = candidate.substring(colon + 1);
            Role role = colon < 0 ? null : Arrays.stream(Role.values())
                    .filter(r -> r.group(unitCode).equals(candidate)).findFirst().orElse(null);
            if (role == null) {
                continue;
            }
            for (StandIn standIn : repository.active(unitCode, role)) {
                boolean holders = task.getAssignee() == null ? soleHolder(standIn) : task.getAssignee().equals(standIn.holderId());
                if (holders) {
                    String from = task.getAssignee() != null ? task.getAssignee() : role.group(unitCode);
                    task.setAssignee(standIn.deputyId());
                    task.setVariableLocal(DossierManagement.ON_BEHALF_OF, onBehalfOf(standIn));
                    handedOver(standIn, task.getId(), task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(),
                            task.getName(), from, standIn.deputyId());
                    return;
                }
            }
        }
    }

    private void returnTasks(StandIn standIn) {
        for (String taskId : repository.tasksHandedOver(standIn.id())) {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !standIn.deputyId().equals(task.getAssignee())) {
                continue; // done, or given to someone else meanwhile
            }
            tasks.setAssignee(taskId, standIn.holderId());
            tasks.removeVariableLocal(taskId, DossierManagement.ON_BEHALF_OF);
            String code = businessKeyOf(task.getProcessInstanceId());
            if (code != null && dossiers.find(code).isPresent()) {
                dossiers.taskReassigned(code, task.getTaskDefinitionKey(), task.getName(), standIn.deputyId(),
                        standIn.holderId(), "system", texts.vietnamese("agency.standIn.returned", standIn.holderId()));
            }
        }
    }

    private void handedOver(StandIn standIn, String taskId, String code, String stepId, String stepName, String from,
            String to) {
        repository.handedOver(standIn.id(), taskId);
        if (code != null && dossiers.find(code).isPresent()) {
            dossiers.taskReassigned(code, stepId, stepName, from, to, "system", onBehalfOf(standIn));
        }
    }

    private String onBehalfOf(StandIn standIn) {
        return texts.vietnamese("agency.standIn.onBehalfOf", standIn.holderId(),
                texts.vietnamese("admin.role." + standIn.role()), SHOWN.format(standIn.startsAt().atZone(zone)),
                SHOWN.format(standIn.endsAt().atZone(zone)));
    }

    private boolean soleHolder(StandIn standIn) {
        List<String> holders = groups.holders(standIn.role(), standIn.unitCode()).stream().map(RoleHolder::userId).toList();
        return holders.equals(List.of(standIn.holderId()));
    }

    private boolean worksIn(String userId, String unitCode) {
        return groups.userExists(userId)
                && List.of(Role.values()).stream().anyMatch(role -> groups.holds(userId, role, unitCode));
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    }

    private String businessKeyOf(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private StandIn get(long id) {
        return repository.find(id).orElseThrow(() -> AgencyRequestException.notFound(texts.get("agency.standIn.notFound", id)));
    }

    static String businessKey(long id) {
        return "stand-in:" + id;
    }

    /** A deputy for a period; {@code holderId} only when an administrator names one for someone else. */
    record StandInForm(String unitCode, String role, String holderId, String deputyId, Instant startsAt, Instant endsAt) {
    }
}
