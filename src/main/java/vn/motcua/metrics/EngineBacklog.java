package vn.motcua.metrics;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What waits in the engine: the capability's one way to the engine. Jobs that are due but no node has
 * acquired pile up when the job executors are down or too slow; failed jobs and incidents need a person.
 */
@Component
class EngineBacklog {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final Cached<Snapshot> snapshot;

    EngineBacklog(ManagementService management, RuntimeService runtime, MetricsProperties settings) {
        this.management = management;
        this.runtime = runtime;
        this.snapshot = new Cached<>(this::read, settings.cacheFor());
    }

    Snapshot current() {
        return snapshot.get();
    }

    /** Reads the engine's own property table (a handful of rows): throws when the engine cannot reach it. */
    void probe() {
        management.getProperties();
    }

    private Snapshot read() {
        long due = management.createJobQuery().executable().active().count();
        long acquired = management.createJobQuery().executable().active().acquired().count();
        long failed = management.createJobQuery().noRetriesLeft().count();
        long incidents = runtime.createIncidentQuery().count();
        return new Snapshot(Math.max(0, due - acquired), failed, incidents);
    }

    /**
     * @param dueNotAcquired jobs whose due date passed and that no node has locked yet
     * @param failed         jobs whose retries are spent (each has an incident)
     * @param incidents      open incidents of every type
     */
    record Snapshot(long dueNotAcquired, long failed, long incidents) {
    }
}
