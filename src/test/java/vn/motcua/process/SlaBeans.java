package vn.motcua.process;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

import vn.motcua.sla.Deadlines;

/**
 * The SLA beans every model calls, as mocks: {@code deadlines} answers fixed dates counted from the
 * engine clock (reception due in 4 h, processing 2 days, approval 2.5 days, result return and the
 * dossier 3 days; warnings 1 h before each; the dossier warning at 2 days; a step's own time limit
 * 1 day), the delegates do nothing.
 */
final class SlaBeans {

    final Deadlines deadlines = mock(Deadlines.class);
    final JavaDelegate pauseDeadlineClock = mock(JavaDelegate.class);
    final JavaDelegate resumeDeadlineClock = mock(JavaDelegate.class);
    final ExecutionListener startClockAtAcceptance = mock(ExecutionListener.class);
    final TaskListener warnTaskHolders = mock(TaskListener.class);
    final JavaDelegate warnDossierAtRisk = mock(JavaDelegate.class);
    final JavaDelegate markDossierOverdue = mock(JavaDelegate.class);
    final JavaDelegate describeLateDossier = mock(JavaDelegate.class);
    final TaskListener checkLateDossierDecision = mock(TaskListener.class);
    final JavaDelegate reassignLateTasks = mock(JavaDelegate.class);
    final JavaDelegate expediteLateTasks = mock(JavaDelegate.class);
    final JavaDelegate issueApologyLetter = mock(JavaDelegate.class);

    final Instant start = ClockUtil.getCurrentTime().toInstant();

    SlaBeans() {
        dossierDue(start.plus(Duration.ofDays(3)));
        when(deadlines.dossierWarning(any())).thenReturn(at(Duration.ofDays(2)));
        phase("reception", Duration.ofHours(4));
        phase("processing", Duration.ofDays(2));
        phase("approval", Duration.ofHours(60));
        phase("resultReturn", Duration.ofDays(3));
        when(deadlines.supplementDue(any())).thenReturn(at(Duration.ofDays(30)));
        // A step's own time limit (${deadlines.fromNow(execution, '8d')}): one day, within the processing phase.
        when(deadlines.fromNow(any(), any())).thenReturn(at(Duration.ofDays(1)));
        // The applicant's time to pay (3 working days to the reminder, 5 to the deadline).
        when(deadlines.fromNow(any(), eq("3d"))).thenReturn(at(Duration.ofDays(3)));
        when(deadlines.fromNow(any(), eq("5d"))).thenReturn(at(Duration.ofDays(5)));
    }

    void dossierDue(Instant due) {
        when(deadlines.dossierDue(any())).thenReturn(Date.from(due));
    }

    Date phaseDue(String phase) {
        return deadlines.phaseDue(null, phase);
    }

    Date phaseWarning(String phase) {
        return deadlines.phaseWarning(null, phase);
    }

    void register() {
        Mocks.register("deadlines", deadlines);
        Mocks.register("pauseDeadlineClock", pauseDeadlineClock);
        Mocks.register("resumeDeadlineClock", resumeDeadlineClock);
        Mocks.register("startClockAtAcceptance", startClockAtAcceptance);
        Mocks.register("warnTaskHolders", warnTaskHolders);
        Mocks.register("warnDossierAtRisk", warnDossierAtRisk);
        Mocks.register("markDossierOverdue", markDossierOverdue);
        Mocks.register("describeLateDossier", describeLateDossier);
        Mocks.register("checkLateDossierDecision", checkLateDossierDecision);
        Mocks.register("reassignLateTasks", reassignLateTasks);
        Mocks.register("expediteLateTasks", expediteLateTasks);
        Mocks.register("issueApologyLetter", issueApologyLetter);
    }

    private void phase(String phase, Duration due) {
        // any() matches the null execution of phaseDue(String) too
        when(deadlines.phaseDue(any(), eq(phase))).thenReturn(at(due));
        when(deadlines.phaseWarning(any(), eq(phase))).thenReturn(at(due.minusHours(1)));
    }

    private Date at(Duration fromStart) {
        return Date.from(start.plus(fromStart));
    }
}
