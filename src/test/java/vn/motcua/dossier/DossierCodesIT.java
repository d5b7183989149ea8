package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.support.IntegrationTest;

class DossierCodesIT extends IntegrationTest {

    @Autowired
    DossierCodes codes;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldGiveNumberBackWhenSubmissionRollsBack() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        LocalDate day = LocalDate.of(2024, 3, 15);

        String first = transaction.execute(status -> codes.next(OTHER_UNIT, day));
        String rolledBack = transaction.execute(status -> {
            String code = codes.next(OTHER_UNIT, day);
            status.setRollbackOnly();
            return code;
        });
        String next = transaction.execute(status -> codes.next(OTHER_UNIT, day));

        assertThat(first).isEqualTo("000.00.02.H01-240315-0001");
        assertThat(rolledBack).isEqualTo("000.00.02.H01-240315-0002");
        assertThat(next).isEqualTo("000.00.02.H01-240315-0002");
    }

    @Test
    void shouldStartEachUnitAndDayAtOne() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String other = transaction.execute(status -> codes.next(OTHER_UNIT, LocalDate.of(2025, 12, 31)));
        String own = transaction.execute(status -> codes.next(UNIT, LocalDate.of(2025, 12, 31)));

        assertThat(other).isEqualTo("000.00.02.H01-251231-0001");
        assertThat(own).isEqualTo("000.00.01.H01-251231-0001");
    }
}
