package vn.motcua.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

import vn.motcua.unit.UnitLevel;

/**
 * An administrative procedure as one deployed version of its BPMN model.
 *
 * @param key                 process definition key of the procedure's own processing model
 * @param version             deployed version of that model
 * @param definitionId        the engine's id of that version
 * @param code                national procedure code
 * @param deadlineWorkingDays legal deadline in whole working days, rounded up (0 for same-day); the
 *                            exact rules are {@code timeLimits}
 * @param fee                 fee in VND, 0 when free
 * @param submissionForm      id of the Camunda Form the applicant fills in
 * @param timeLimits          legal deadline, phase shares, cut-off hour and supplement clock policy
 * @param documents           the documents a dossier carries (thành phần hồ sơ), in the model's order
 * @param channels            how dossiers may be submitted ({@code procedure.channels}; all when unset)
 * @param feeNote             how the fee is worked out when it depends on the dossier ({@code procedure.feeNote},
 *                            e.g. per page), or null when {@code fee} is the whole fee
 * @param feeDecision         key of the DMN decision that adds the part of the fee depending on the submitted values
 *                            ({@code procedure.feeDecision}, output {@code fee} in VND), or null
 * @param feeExemptions       who pays nothing, and why ({@code procedure.feeExemption.<id>}), in the model's order
 * @param resultTemplate      the deployment resource of the procedure's result document template
 *                            ({@code procedure.resultTemplate}, a file beside the model), or null for the generic
 *                            decision document
 * @param payment             when the applicant pays ({@code procedure.payment}; NONE for a free procedure)
 * @param unitLevel           the level of the unit that decides (the competent level the catalogue publishes)
 * @param routing             where dossiers are received and which unit decides ({@code procedure.receivedAt},
 *                            {@code procedure.decidedBy}): the same unit unless the procedure travels
 */
public record Procedure(
        String key,
        int version,
        String definitionId,
        String code,
        String name,
        String nameEn,
        String sector,
        UnitLevel unitLevel,
        int deadlineWorkingDays,
        long fee,
        OnlineLevel onlineLevel,
        Set<ResultChannel> resultChannels,
        String legalBasis,
        String submissionForm,
        TimeLimits timeLimits,
        List<DocumentSlot> documents,
        Set<SubmissionChannel> channels,
        String feeNote,
        String feeDecision,
        List<FeeExemption> feeExemptions,
        PaymentStage payment,
        Routing routing,
        // Where the server keeps it is nobody's business outside: the catalogue API leaves it out.
        @JsonIgnore String resultTemplate) {

    /** Whether a dossier of this version may owe anything: a fixed fee or a fee decision. */
    public boolean feeBearing() {
        return fee > 0 || feeDecision != null;
    }

    /** The slot with this id, if the procedure has one. */
    public Optional<DocumentSlot> document(String slotId) {
        return documents.stream().filter(slot -> slot.id().equals(slotId)).findFirst();
    }
}
