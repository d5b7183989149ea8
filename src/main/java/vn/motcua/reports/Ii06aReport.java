package vn.motcua.reports;

import java.time.Instant;
import java.util.List;

/**
 * Form II.06a: per unit, and per procedure within it, with the total of every unit reported.
 *
 * @param asOf the moment open dossiers are judged at: the end of the period, or the report's time
 *             when the period has not ended yet
 * @param unitCode the unit asked for, null for every unit the reader may see
 * @param procedureKey the procedure asked for, null for every procedure
 */
public record Ii06aReport(ReportPeriod period, Instant asOf, String unitCode, String procedureKey, List<UnitLine> units,
        Figures total) {

    public record UnitLine(String unitCode, String unitName, Figures figures, List<ProcedureLine> procedures) {
    }

    /**
     * @param receivingUnitCode the desk that received these dossiers when it is not the unit itself (they travelled,
     *                          "liên thông"), else null; one line per such desk
     */
    public record ProcedureLine(String procedureKey, String procedureCode, String procedureName, Figures figures,
            String receivingUnitCode, String receivingUnitName) {
    }
}
