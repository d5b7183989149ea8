package vn.motcua.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.modelling.ProcessBean;

/**
 * Notifications sent by engine jobs, for steps a person completes (an officer's task, a request over our
 * API): the step only records what must be sent, in its own transaction, and a channel outage never fails
 * it. Each recorded notification gets an instance of {@code notification_delivery}, started in the same
 * transaction, whose one asynchronous step sends it with the engine's retries and ends in an incident in
 * Cockpit when they are spent. The notification row keeps "once per event and recipient", as for
 * {@link Notifier#send}.
 */
@Service
public class NotificationJobs {

    static final String PROCESS = "notification_delivery";
    /** The variable of a {@code notification_delivery} instance: the notification row its job sends. */
    static final String NOTIFICATION = "notificationId";

    private final Notifier notifier;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    NotificationJobs(Notifier notifier, RuntimeService runtime, PlatformTransactionManager transactions) {
        this.notifier = notifier;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * {@link Notifier#sendAll}'s event to each recipient, sent by a job once the caller's transaction has
     * committed. Recipients who already have this event (a repeated call, a retried step) get no second job.
     *
     * @return how many notifications were recorded for sending
     */
    public int sendAll(String eventKey, String dossierCode, List<Recipient> to, String template, Map<String, ?> model,
            List<Attachment> attachments) {
        List<Notification> notifications = notifier.notifications(eventKey, dossierCode, to, template, model, attachments);
        return transaction.execute(status -> {
            int recorded = 0;
            for (Notification notification : notifications) {
                Optional<Long> id = notifier.record(notification);
                if (id.isPresent()) {
                    // The business key names the event: Cockpit finds a message's job (and its incident) by it.
                    runtime.startProcessInstanceByKey(PROCESS, eventKey, Map.of(NOTIFICATION, id.get()));
                    recorded++;
                }
            }
            return recorded;
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        /** {@code notification_delivery}'s one step: send the notification the instance was started for. */
        @ProcessBean
        @Bean
        JavaDelegate deliverNotification(Notifier notifier) {
            return execution -> notifier.deliverRecorded(((Number) execution.getVariable(NOTIFICATION)).longValue());
        }
    }
}
