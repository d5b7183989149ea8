package vn.motcua.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The component {@code engine} of /actuator/health: DOWN when the engine cannot read its tables, or
 * when this node should run jobs (deadlines, report pushes) and its job executor has stopped.
 */
@Component("engine")
class EngineHealth extends AbstractHealthIndicator {

    private final ProcessEngine processEngine;
    private final EngineBacklog backlog;
    private final boolean runsJobs;

    EngineHealth(ProcessEngine processEngine, EngineBacklog backlog,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean runsJobs) {
        super("The process engine is not reachable");
        this.processEngine = processEngine;
        this.backlog = backlog;
        this.runsJobs = runsJobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        backlog.probe();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor();
        boolean active = jobs != null && jobs.isActive();
        EngineBacklog.Snapshot figures = backlog.current();
        (runsJobs && !active ? health.down() : health.up())
                .withDetail("name", processEngine.getName())
                .withDetail("jobExecutor", !runsJobs ? "disabled on this node" : active ? "active" : "stopped")
                .withDetail("jobsDueWaiting", figures.dueNotAcquired())
                .withDetail("jobsFailed", figures.failed())
                .withDetail("incidents", figures.incidents());
    }
}
