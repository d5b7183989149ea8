package vn.motcua.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.CalendarYearLoaded;
import vn.motcua.dossier.DossierManagement;

/**
 * When an administrator loads the announced schedule of a year, the open dossiers whose due dates were
 * counted on that year's provisional calendar are counted again (docs/calendar.md). Runs on the node that
 * received the load, after it committed; each dossier in a transaction of its own, so one dossier's trouble
 * does not keep the others on the provisional dates, and a load repeated later picks up what failed.
 */
@Component
class ProvisionalDeadlines {

    private static final Logger log = LoggerFactory.getLogger(ProvisionalDeadlines.class);

    private final DossierManagement dossiers;
    private final DeadlineClock clock;
    private final TransactionTemplate transaction;

    ProvisionalDeadlines(DossierManagement dossiers, DeadlineClock clock, PlatformTransactionManager transactions) {
        this.dossiers = dossiers;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        // After the load's commit its resources are still bound to the thread: without a new transaction the
        // work would join the finished one and never commit on its own (and the notifier's own new transaction
        // would wait for its rows).
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void yearLoaded(CalendarYearLoaded loaded) {
        int counted = 0;
        for (String code : dossiers.countedProvisionallyOn(loaded.year())) {
            try {
                transaction.executeWithoutResult(status -> clock.countAgain(code, loaded.year()));
                counted++;
            } catch (RuntimeException e) {
                log.error("Dossier {}: its due date could not be counted again on the loaded calendar of {}", code,
                        loaded.year(), e);
            }
        }
        log.info("Calendar {} loaded: {} open dossiers counted again", loaded.year(), counted);
    }
}
