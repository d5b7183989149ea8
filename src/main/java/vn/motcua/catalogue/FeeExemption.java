package vn.motcua.catalogue;

import java.util.Map;

/**
 * Applicants who pay no fee (miễn phí, lệ phí), declared as {@code procedure.feeExemption.<id> =
 * <field> = <value>[, <value>] | lý do / reason}: the dossier is exempt when the submitted value of
 * the field is one of the values; the reason is recorded with the dossier's fee.
 */
public record FeeExemption(String id, DocumentSlot.Condition when, String reason) {

    public boolean appliesTo(Map<String, Object> data) {
        return when.holdsFor(data);
    }
}
