package vn.motcua.catalogue;

import java.util.List;

/**
 * One step a dossier of a procedure goes through, as its models run it: an officer's task of the
 * shared lifecycle or of the procedure's own model, or the result's return.
 *
 * @param id       the element's id in its model
 * @param name     the element's name (Vietnamese, as the analyst wrote it)
 * @param role     who holds it: the candidate group's role ({@code reception}, {@code specialist},
 *                 {@code head}), null when the model does not say
 * @param time     the step's share of the legal deadline, or its own time limit by law; null when it has none
 * @param parallel whether the step runs at the same time as its neighbours marked so (a parallel split)
 * @param outcomes what the step may lead to for the applicant (the notices the lifecycle then issues), in
 *                 the model's order; empty when it always goes on to the next step
 */
public record ProcedureStep(String id, String name, String role, Allowance time, boolean parallel,
        List<String> outcomes) {

    public ProcedureStep {
        outcomes = List.copyOf(outcomes);
    }
}
