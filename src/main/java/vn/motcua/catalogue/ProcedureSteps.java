package vn.motcua.catalogue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Walks the shared lifecycle and a procedure's own model into the steps an applicant's dossier
 * goes through, in the order the engine runs them: the sequence flows from the process's start
 * event, loops back (a supplement, a return to the specialist) left out, so that each step comes
 * after every step that leads to it. The call activity that calls {@code ${procedureKey}} is
 * replaced by the procedure's own steps; any other call activity is one step (the result's return).
 * Boundary events and event sub-processes are the exceptions (timeouts, deadline watch), not steps.
 */
final class ProcedureSteps {

    /** The called element of the lifecycle's call activity that runs the procedure's own model. */
    static final String PROCEDURE_MODEL = "${procedureKey}";
    private static final Pattern PHASE_DUE = Pattern.compile("phaseDue\\(\\s*execution\\s*,\\s*'([A-Za-z]+)'\\s*\\)");
    private static final Pattern OWN_LIMIT = Pattern.compile("fromNow\\(\\s*execution\\s*,\\s*'([^']+)'\\s*\\)");

    private final TimeLimits limits;
    private final Function<String, BpmnModelInstance> models;

    /**
     * @param models the latest deployed model of a called process key, for call activities with a fixed
     *               called element; null when none is deployed
     */
    private ProcedureSteps(TimeLimits limits, Function<String, BpmnModelInstance> models) {
        this.limits = limits;
        this.models = models;
    }

    static List<ProcedureStep> walk(BpmnModelInstance lifecycle, String lifecycleKey, BpmnModelInstance procedure,
            String procedureKey, TimeLimits limits, Function<String, BpmnModelInstance> models) {
        ProcedureSteps walker = new ProcedureSteps(limits, models);
        List<ProcedureStep> steps = new ArrayList<>();
        for (FlowNode node : inOrder(lifecycle.getModelElementById(lifecycleKey))) {
            if (node instanceof CallActivity call && PROCEDURE_MODEL.equals(call.getCalledElement())) {
                inOrderWithParallel(procedure.getModelElementById(procedureKey)).forEach((step, parallel) ->
                        walker.step(step, parallel).ifPresent(steps::add));
            } else {
                walker.step(node, false).ifPresent(steps::add);
            }
        }
        return List.copyOf(steps);
    }

    private Optional<ProcedureStep> step(FlowNode node, boolean parallel) {
        if (node instanceof UserTask task) {
            return Optional.of(new ProcedureStep(task.getId(), task.getName(), role(task.getCamundaCandidateGroups()),
                    time(task.getCamundaDueDate()), parallel, outcomes(task)));
        }
        if (node instanceof CallActivity call) {
            BpmnModelInstance called = models.apply(call.getCalledElement());
            Collection<UserTask> tasks = called == null ? List.of() : called.getModelElementsByType(UserTask.class);
            Set<String> roles = new LinkedHashSet<>();
            Set<Allowance> times = new LinkedHashSet<>();
            // Every task of the called model held by one role, on one share: the step is theirs.
            tasks.forEach(task -> {
                roles.add(role(task.getCamundaCandidateGroups()));
                times.add(time(task.getCamundaDueDate()));
            });
            return Optional.of(new ProcedureStep(call.getId(), call.getName(),
                    roles.size() == 1 ? roles.iterator().next() : null,
                    times.size() == 1 ? times.iterator().next() : null, parallel, List.of()));
        }
        return Optional.empty();
    }

    /** The role of {@code <role>:${unit}}: the groups' part before the unit. */
    private static String role(String candidateGroups) {
        if (candidateGroups == null || candidateGroups.isBlank()) {
            return null;
        }
        String first = candidateGroups.split(",")[0].strip();
        int colon = first.indexOf(':');
        return colon > 0 ? first.substring(0, colon) : first;
    }

    private Allowance time(String dueDate) {
        if (dueDate == null) {
            return null;
        }
        Matcher phase = PHASE_DUE.matcher(dueDate);
        if (phase.find()) {
            Duration share = limits.shares().get(Phase.of(phase.group(1)));
            return share == null ? null : Allowance.hours(BigDecimal.valueOf(share.toMinutes()).divide(BigDecimal.valueOf(60)));
        }
        Matcher own = OWN_LIMIT.matcher(dueDate);
        return own.find() ? Allowance.parse(own.group(1)) : null;
    }

    /**
     * What a decision at this task leads to for the applicant: after a gateway, the first service or
     * send task down each branch (the receipt, the supplement request, the refusal notice).
     */
    private static List<String> outcomes(FlowNode task) {
        if (task.getOutgoing().size() != 1 || !(task.getOutgoing().iterator().next().getTarget() instanceof Gateway gateway)
                || gateway.getOutgoing().size() < 2) {
            return List.of();
        }
        Set<String> outcomes = new LinkedHashSet<>();
        for (SequenceFlow branch : gateway.getOutgoing()) {
            FlowNode next = branch.getTarget();
            Set<FlowNode> seen = new HashSet<>();
            while (next instanceof Gateway && next.getOutgoing().size() == 1 && seen.add(next)) {
                next = next.getOutgoing().iterator().next().getTarget();
            }
            if ((next instanceof ServiceTask || next instanceof SendTask) && next.getName() != null) {
                outcomes.add(next.getName());
            }
        }
        return List.copyOf(outcomes);
    }

    /** The process's flow nodes from its start event, each after all that lead to it, loops cut. */
    static List<FlowNode> inOrder(Process process) {
        return new ArrayList<>(inOrderWithParallel(process).keySet());
    }

    /**
     * Like {@link #inOrder}, each node with whether it lies between a parallel split and its join (on
     * one of several branches that run at once).
     */
    private static Map<FlowNode, Boolean> inOrderWithParallel(Process process) {
        StartEvent start = process.getChildElementsByType(StartEvent.class).iterator().next();
        List<FlowNode> order = new ArrayList<>();
        depthFirst(start, new HashSet<>(), new HashSet<>(), order);
        Collections.reverse(order);
        Map<FlowNode, Boolean> result = new LinkedHashMap<>();
        boolean open = false;
        for (FlowNode node : order) {
            if (node instanceof ParallelGateway && node.getIncoming().size() > 1) {
                open = false;
            }
            result.put(node, open);
            if (node instanceof ParallelGateway && node.getOutgoing().size() > 1) {
                open = true;
            }
        }
        return result;
    }

    private static void depthFirst(FlowNode node, Set<FlowNode> visited, Set<FlowNode> onPath, List<FlowNode> postOrder) {
        visited.add(node);
        onPath.add(node);
        // Branches walked last to first, so that the reversed post-order lists them in the model's order.
        List<SequenceFlow> outgoing = new ArrayList<>(node.getOutgoing());
        Collections.reverse(outgoing);
        for (SequenceFlow flow : outgoing) {
            FlowNode target = flow.getTarget();
            // A flow back to a node on the current path is a loop (a supplement, a return): that step ran already.
            if (!onPath.contains(target) && !visited.contains(target)) {
                depthFirst(target, visited, onPath, postOrder);
            }
        }
        onPath.remove(node);
        postOrder.add(node);
    }
}
