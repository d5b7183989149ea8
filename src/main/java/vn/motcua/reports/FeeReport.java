package vn.motcua.reports;

import java.util.List;

/**
 * Fees and charges collected over one period (paid in it, by the payment's time), per unit, procedure
 * and how they were paid ({@code BANK} transfer or {@code CASH} at the desk), and their sums.
 */
public record FeeReport(ReportPeriod period, String unitCode, List<Line> lines, long payments, long amount) {

    public record Line(String unitCode, String unitName, String procedureKey, String procedureCode, String paidBy,
            long payments, long amount) {
    }
}
