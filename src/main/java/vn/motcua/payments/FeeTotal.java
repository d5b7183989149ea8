package vn.motcua.payments;

/** Fees collected in a period by one unit for one procedure, by how they were paid (BANK, CASH). */
public record FeeTotal(String unitCode, String procedureKey, String procedureCode, String paidBy, long payments,
        long amount) {
}
