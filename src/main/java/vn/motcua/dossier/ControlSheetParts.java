package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.List;

/**
 * What each unit of a travelling dossier reads of its control sheet (docs/security.md, "Dossiers that
 * travel"): the rows written while the dossier is with the deciding unit (between the hand-over after the
 * receipt and the hand-back after the decision) are that unit's part; every other row is the receiving
 * unit's. A reader of one unit only gets the other unit's steps with their step, time and status, but not
 * who worked them, their outcome or their note; the lifecycle's own rows (accepted, decided, deadlines,
 * the hand-overs between the units) are everyone's.
 */
final class ControlSheetParts {

    private ControlSheetParts() {
    }

    /**
     * @param readsReceiving whether the reader may read the receiving unit's dossiers
     * @param readsDeciding  whether the reader may read the deciding unit's dossiers
     */
    static List<DossierEvent> visible(List<DossierEvent> sheet, boolean readsReceiving, boolean readsDeciding) {
        if (readsReceiving && readsDeciding) {
            return sheet;
        }
        List<DossierEvent> shown = new ArrayList<>(sheet.size());
        boolean withDecidingUnit = false;
        for (DossierEvent row : sheet) {
            if (row.fromUnit() != null && row.toUnit() != null) {
                withDecidingUnit = !withDecidingUnit;
                shown.add(row);
                continue;
            }
            boolean own = withDecidingUnit ? readsDeciding : readsReceiving;
            shown.add(own || row.stepId() == null ? row : withoutDetails(row));
        }
        return shown;
    }

    private static DossierEvent withoutDetails(DossierEvent row) {
        return new DossierEvent(row.occurredAt(), row.type(), row.stepId(), row.stepName(), null, null, null, null, null,
                row.status(), row.previousDueAt(), row.dueAt(), null, null);
    }
}
