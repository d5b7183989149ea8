package vn.motcua.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Units ranked by on-time rate, online-submission rate and satisfaction, and the procedures with the
 * most late dossiers, over one period. A rate is a share between 0 and 1 (four decimals), null when its
 * denominator is 0; such units come last, without a rank. Equal rates share a rank (1, 1, 3).
 */
public record Rankings(ReportPeriod period, Instant asOf, List<OnTime> onTime, List<Online> online,
        List<UnitSatisfaction> satisfaction, List<LateProcedure> lateProcedures) {

    /** Results returned before or on the due date, of all results returned in the period. */
    public record OnTime(Integer rank, String unitCode, String unitName, long resolved, long resolvedInTime,
            BigDecimal rate) {
    }

    /**
     * Dossiers submitted online, of all submitted in the period; wholly online also get their result
     * online or by post (Decree 42/2022).
     */
    public record Online(Integer rank, String unitCode, String unitName, long submitted, long online, long whollyOnline,
            BigDecimal rate, BigDecimal whollyOnlineRate) {
    }

    /** Evaluations submitted in the period; rate: very satisfied or satisfied, of all. */
    public record UnitSatisfaction(Integer rank, String unitCode, String unitName, long evaluations, long verySatisfied,
            long satisfied, long notSatisfied, BigDecimal rate) {
    }

    /** Results returned late in the period plus dossiers still open past their due date at {@code asOf}. */
    public record LateProcedure(int rank, String procedureKey, String procedureCode, String procedureName,
            long late, long resolvedLate, long overdue) {
    }
}
