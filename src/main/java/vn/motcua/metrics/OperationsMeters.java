package vn.motcua.metrics;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters operators watch (docs/operations.md): dossiers received, in progress and overdue,
 * escalations, and the engine's job backlog. Counters are totals from the tables, so they survive
 * restarts and agree on every node.
 */
@Component
class OperationsMeters implements MeterBinder {

    private final DossierFigures dossiers;
    private final EngineBacklog engine;

    OperationsMeters(DossierFigures dossiers, EngineBacklog engine) {
        this.dossiers = dossiers;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String channel : dossiers.current().receivedByChannel().keySet()) {
            FunctionCounter.builder("motcua.dossiers.received", dossiers,
                            figures -> figures.current().receivedByChannel().getOrDefault(channel, 0L))
                    .description("Dossiers received since the installation began, by submission channel")
                    .tag("channel", channel)
                    .register(registry);
        }
        Gauge.builder("motcua.dossiers.in.progress", dossiers, figures -> figures.current().inProgress())
                .description("Dossiers received and not finished").register(registry);
        Gauge.builder("motcua.dossiers.overdue", dossiers, figures -> figures.current().overdue())
                .description("Unfinished dossiers past their due date").register(registry);
        FunctionCounter.builder("motcua.escalations", dossiers, figures -> figures.current().escalations())
                .description("Overdue dossiers escalated to the head of unit").register(registry);
        Gauge.builder("motcua.jobs.due.waiting", engine, backlog -> backlog.current().dueNotAcquired())
                .description("Engine jobs due and not acquired by any node's job executor").register(registry);
        Gauge.builder("motcua.jobs.failed", engine, backlog -> backlog.current().failed())
                .description("Engine jobs whose retries are spent").register(registry);
        Gauge.builder("motcua.incidents.open", engine, backlog -> backlog.current().incidents())
                .description("Open engine incidents (Cockpit)").register(registry);
    }
}
