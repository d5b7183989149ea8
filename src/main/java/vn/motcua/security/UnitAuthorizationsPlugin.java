package vn.motcua.security;

import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.EveryUserTask;

/**
 * Grants each process instance and task to the groups of the unit it belongs to, for every model the
 * engine parses; see {@link EngineAuthorizations}. An instance belongs to its {@code unit} variable's unit and,
 * for a travelling dossier's lifecycle, also to its {@code decidingUnit} (which works the approval there); a
 * task belongs to the unit its candidate groups name ({@code <role>:<unit>}), else to its {@code unit}. So the
 * receiving unit reads the lifecycle and its own tasks (reception, result return), never the procedure's own
 * instance or tasks, which the lifecycle starts with {@code unit} = the deciding unit.
 */
@Component
class UnitAuthorizationsPlugin extends AbstractProcessEnginePlugin {

    static final String UNIT_VARIABLE = "unit";
    /** The lifecycle's unit that processes and decides a dossier (another than {@code unit} when it travels). */
    static final String DECIDING_UNIT_VARIABLE = "decidingUnit";

    private final ObjectProvider<EngineAuthorizations> authorizations;
    private final ObjectProvider<Deputies> deputies;

    UnitAuthorizationsPlugin(ObjectProvider<EngineAuthorizations> authorizations, ObjectProvider<Deputies> deputies) {
        // Looked up when the first instance starts: the engine must exist before the grants bean can.
        this.authorizations = authorizations;
        this.deputies = deputies;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener instanceStarted = this::instanceStarted;
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, instanceStarted);
            }
        });
        EveryUserTask.listen(configuration, (TaskListener) this::taskCreated, TaskListener.EVENTNAME_CREATE);
        // Claim, assignee, delegation and owner (assignment and update events): issue 15 item 3.
        EveryUserTask.listen(configuration, (TaskListener) this::taskAssigned, TaskListener.EVENTNAME_ASSIGNMENT,
                TaskListener.EVENTNAME_UPDATE);
    }

    /**
     * A task of a unit goes only to an officer of its candidate groups ({@code <role>:<unit>}), or to the
     * deputy standing in for one of them now: not to another unit's officer, another role, or a user id
     * that does not exist.
     */
    private void taskAssigned(DelegateTask task) {
        Set<String> candidateGroups = candidateGroups(task);
        if (candidateGroups.isEmpty() || unit(task.getVariable(UNIT_VARIABLE)) == null) {
            return;
        }
        for (String holder : new String[] {task.getAssignee(), task.getOwner()}) {
            if (holder != null && !authorizations.getObject().isMemberOfAny(holder, candidateGroups)
                    && !standsIn(holder, candidateGroups)) {
                throw authorizations.getObject().assignmentRefused(holder, candidateGroups);
            }
        }
    }

    private boolean standsIn(String userId, Set<String> groups) {
        return deputies.orderedStream().anyMatch(directory -> groups.stream()
                .anyMatch(group -> directory.standsInFor(userId, group)));
    }

    private static Set<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private void instanceStarted(DelegateExecution execution) {
        String unit = unit(execution.getVariable(UNIT_VARIABLE));
        if (unit != null) {
            authorizations.getObject().grantInstance(execution.getProcessInstanceId(), unit);
            String deciding = unit(execution.getVariable(DECIDING_UNIT_VARIABLE));
            if (deciding != null && !deciding.equals(unit)) {
                authorizations.getObject().grantInstance(execution.getProcessInstanceId(), deciding);
            }
        }
    }

    private void taskCreated(DelegateTask task) {
        String unit = unit(task.getVariable(UNIT_VARIABLE));
        if (unit != null) {
            Set<String> candidateGroups = candidateGroups(task);
            authorizations.getObject().grantTask(task.getId(), groupsUnit(candidateGroups, unit), candidateGroups);
        }
    }

    /** The one unit the candidate groups {@code <role>:<unit>} name, or {@code fallback} when they name none or several. */
    static String groupsUnit(Set<String> candidateGroups, String fallback) {
        Set<String> named = candidateGroups.stream()
                .map(group -> group.substring(group.indexOf(':') + 1))
                .filter(code -> !code.isBlank())
                .collect(Collectors.toSet());
        return named.size() == 1 ? named.iterator().next() : fallback;
    }

    private static String unit(Object value) {
        return value instanceof String unit && !unit.isBlank() ? unit : null;
    }
}
