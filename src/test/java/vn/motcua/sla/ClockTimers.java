package vn.motcua.sla;

import org.camunda.bpm.engine.ManagementService;

/** The SLA capability's handling of the dossier clock's timers, for process tests on another engine. */
public final class ClockTimers {

    private final SlaProcess process;

    public ClockTimers(ManagementService management) {
        this.process = new SlaProcess(management, null, null);
    }

    public void suspend(String processInstanceId) {
        process.suspendClockTimers(processInstanceId);
    }

    public void reschedule(String processInstanceId) {
        process.rescheduleClockTimers(processInstanceId);
    }
}
