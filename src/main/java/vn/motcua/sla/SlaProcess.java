package vn.motcua.sla;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The SLA capability's only door to the engine: the dossier clock's timers and the dossier's open tasks.
 * Its lists are few by nature and run inside officers' engine calls, where the engine's
 * queryMaxResultsLimit refuses unpaged lists: hence {@code unlimitedList()}.
 */
@Component
class SlaProcess {

    /** The timers of one_stop_dossier that follow the dossier's due date (see docs/sla.md). */
    static final Set<String> DOSSIER_CLOCK_TIMERS = Set.of("dossier_at_risk", "dossier_due_passed_in_review",
            "dossier_due_passed");
    /** The head of unit's task in late_dossier: never itself a late task. */
    static final String LATE_DOSSIER_TASK = "decide_on_late_dossier";

    private final ManagementService management;
    private final TaskService tasks;
    private final IdentityService identities;

    SlaProcess(ManagementService management, TaskService tasks, IdentityService identities) {
        this.management = management;
        this.tasks = tasks;
        this.identities = identities;
    }

    /**
     * Nothing of the dossier clock fires while it is paused: its timers are suspended (the job executor
     * acquires no suspended job). Called from a delegate, inside the engine's command: the state is set
     * on the job entities the query returned, so that it is written in the same row update as a due date
     * recalculated in that command (the service's bulk suspension would collide with it).
     */
    void suspendClockTimers(String processInstanceId) {
        clockTimers(processInstanceId).forEach(job -> suspension((JobEntity) job, SuspensionState.SUSPENDED));
    }

    /** Each clock timer evaluates its date expression again (the due date moved) and may fire again. */
    void rescheduleClockTimers(String processInstanceId) {
        for (Job job : clockTimers(processInstanceId)) {
            management.recalculateJobDuedate(job.getId(), false);
            suspension((JobEntity) job, SuspensionState.ACTIVE);
        }
    }

    /**
     * Each clock timer evaluates its date expression again, outside any engine command (the due date was
     * counted again on a loaded calendar year); a paused clock's timers stay suspended.
     */
    void recalculateClockTimers(String processInstanceId) {
        clockTimers(processInstanceId).forEach(job -> management.recalculateJobDuedate(job.getId(), false));
    }

    private static void suspension(JobEntity job, SuspensionState state) {
        job.setSuspensionState(state.getStateCode());
    }

    private List<Job> clockTimers(String processInstanceId) {
        return DOSSIER_CLOCK_TIMERS.stream()
                .flatMap(activity -> management.createJobQuery().processInstanceId(processInstanceId).timers()
                        .activityId(activity).unlimitedList().stream())
                .toList();
    }

    /** The dossier's open officer tasks, in the lifecycle and in the models it calls. */
    List<Task> openTasks(String dossierCode) {
        return tasks.createTaskQuery().processInstanceBusinessKey(dossierCode).active().unlimitedList().stream()
                .filter(task -> !LATE_DOSSIER_TASK.equals(task.getTaskDefinitionKey()))
                .toList();
    }

    /** The officers a task is with: its assignee, else the members of its candidate groups. */
    List<User> holders(Task task) {
        if (task.getAssignee() != null) {
            return identities.createUserQuery().userId(task.getAssignee()).unlimitedList();
        }
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .flatMap(link -> members(link.getGroupId()).stream())
                .distinct()
                .toList();
    }

    /** The candidate groups of a task, for the control sheet when nobody has claimed it. */
    List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId())
                .sorted()
                .toList();
    }

    List<User> members(String groupId) {
        return identities.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().unlimitedList();
    }

    /** Whether the user exists and belongs to one of the unit's groups ({@code <role>:<unit>}). */
    boolean isOfficerOf(String userId, String unitCode) {
        return identities.createGroupQuery().groupMember(userId).unlimitedList().stream()
                .map(Group::getId)
                .anyMatch(group -> group.endsWith(":" + unitCode));
    }

    void reassign(Task task, String userId) {
        tasks.setAssignee(task.getId(), userId);
    }

    void raisePriority(Task task, int priority) {
        if (task.getPriority() < priority) {
            tasks.setPriority(task.getId(), priority);
        }
    }
}
