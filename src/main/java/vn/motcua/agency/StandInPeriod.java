package vn.motcua.agency;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The bounds of a stand-in's period for the timers of {@code stand_in_period} (bean {@code standInPeriod}):
 * read from the stand-in the holder named, by the instance's {@code standInId}. Public for the engine's
 * expression language.
 */
public final class StandInPeriod {

    private final StandInRepository repository;

    StandInPeriod(StandInRepository repository) {
        this.repository = repository;
    }

    public Date startsAt(DelegateExecution execution) {
        return Date.from(standIn(execution).startsAt());
    }

    public Date endsAt(DelegateExecution execution) {
        return Date.from(standIn(execution).endsAt());
    }

    private StandIn standIn(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("standInId")).longValue();
        return repository.find(id).orElseThrow(() -> new IllegalStateException("no stand-in " + id));
    }
}
