package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues dossier codes in the official shape {@code UNIT-YYMMDD-NNNN} (Circular 01/2018/TT-VPCP):
 * a sequence per unit and receipt day, without gaps.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    DossierCodes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Must run inside the submitting transaction: the counter row stays locked until it commits,
     * so concurrent submissions queue up and a rolled-back submission gives its number back.
     */
    String next(String unitCode, LocalDate receiptDay) {
        ensureCounter(unitCode, receiptDay);
        jdbc.sql("update code_sequence set last_value = last_value + 1 where unit_code = ? and receipt_day = ?")
                .params(unitCode, receiptDay)
                .update();
        int value = jdbc.sql("select last_value from code_sequence where unit_code = ? and receipt_day = ?")
                .params(unitCode, receiptDay)
                .query(Integer.class)
                .single();
        return "%s-%s-%04d".formatted(unitCode, DAY.format(receiptDay), value);
    }

    // The day's counter row is created once, committed on its own: a failed insert (another node
    // created it first) must not abort the submitting transaction, which PostgreSQL would do.
    private void ensureCounter(String unitCode, LocalDate receiptDay) {
        if (counterExists(unitCode, receiptDay)) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into code_sequence (unit_code, receipt_day, last_value) values (?, ?, 0)")
                    .params(unitCode, receiptDay)
                    .update());
        } catch (DuplicateKeyException alreadyCreated) {
            // another submission created the same day's counter first
        }
    }

    private boolean counterExists(String unitCode, LocalDate receiptDay) {
        return jdbc.sql("select count(*) from code_sequence where unit_code = ? and receipt_day = ?")
                .params(unitCode, receiptDay)
                .query(Integer.class)
                .single() > 0;
    }
}
