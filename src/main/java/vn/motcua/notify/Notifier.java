package vn.motcua.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications at most once per event and recipient, and renders their texts from templates.
 *
 * <p>Call {@link #send} inside the transaction of the step that causes it (an engine job: a timer, an
 * asynchronous continuation). The record is inserted first (the unique constraint decides who
 * sends), then the channel delivers; a failure throws, so the job rolls back and the engine retries
 * it. See docs/notifications.md for the one window this leaves. A step a person completes (a task, a
 * request) records its messages through {@link NotificationJobs} instead, so that a channel outage never
 * fails it.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationRepository repository;
    private final MessageTemplates templates;
    private final NotifyProperties settings;
    private final Map<String, NotificationChannel> channels;
    private final TransactionTemplate transaction;
    private final TransactionTemplate newTransaction;

    Notifier(NotificationRepository repository, MessageTemplates templates, NotifyProperties settings,
            List<NotificationChannel> channels, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.templates = templates;
        this.settings = settings;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.transaction = new TransactionTemplate(transactions);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (!this.channels.containsKey(Recipient.EMAIL)) {
            log.warn("No e-mail channel: spring.mail.host is not set. E-mail notifications are recorded as NO_CHANNEL and not sent.");
        }
        if (!this.channels.containsKey(Recipient.SMS)) {
            log.warn("No SMS channel: motcua.notify.sms.host is not set. SMS notifications are recorded as NO_CHANNEL and not sent.");
        }
    }

    /**
     * Sends the notification unless this event already went to this recipient through this channel.
     *
     * @return true if it was delivered now; false if it had been sent before (or is being sent by a
     *         concurrent transaction), if no channel of that name is configured, or if the channel
     *         rejected the address for good (recorded {@code REJECTED})
     * @throws NotificationFailedException when the channel cannot deliver; roll back and retry
     */
    public boolean send(Notification notification) {
        return Boolean.TRUE.equals(transaction.execute(status -> sendInTransaction(notification)));
    }

    /**
     * Tells each recipient of one event, each through its own channel, with the text of that channel: the
     * template {@code <template>} for e-mail (with the attachments), {@code <template>.<channel>} for the
     * others (e.g. {@code applicant-accepted.sms}: an SMS is short and carries no file).
     *
     * @return how many were delivered now
     * @throws NotificationFailedException as {@link #send} does: roll back and retry; those delivered are
     *         recorded SENT and not sent again
     */
    public int sendAll(String eventKey, String dossierCode, List<Recipient> to, String template, Map<String, ?> model,
            List<Attachment> attachments) {
        int delivered = 0;
        for (Notification notification : notifications(eventKey, dossierCode, to, template, model, attachments)) {
            if (send(notification)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** One event's notification to each recipient, in the text of the recipient's channel (see {@link #sendAll}). */
    List<Notification> notifications(String eventKey, String dossierCode, List<Recipient> to, String template,
            Map<String, ?> model, List<Attachment> attachments) {
        return to.stream().map(recipient -> {
            boolean email = Recipient.EMAIL.equals(recipient.channel());
            Message message = render(email ? template : template + "." + recipient.channel(), model);
            return new Notification(eventKey, dossierCode, recipient, message, email ? attachments : List.of());
        }).toList();
    }

    /**
     * Subject and body from the template {@code notify/templates/<template>.txt} (Thymeleaf TEXT mode;
     * first line the subject, a blank line, then the body), filled with {@code model}.
     */
    public Message render(String template, Map<String, ?> model) {
        return templates.render(template, model, settings.locale());
    }

    /** The notifications about a dossier, oldest first. */
    public List<NotificationRecord> ofDossier(String dossierCode) {
        return repository.ofDossier(dossierCode);
    }

    /** Every recipient's record of one event. */
    public List<NotificationRecord> ofEvent(String eventKey) {
        return repository.ofEvent(eventKey);
    }

    private boolean sendInTransaction(Notification n) {
        NotificationChannel channel = channels.get(n.recipient().channel());
        if (channel == null) {
            if (repository.claim(n, NotificationStatus.NO_CHANNEL)) {
                log.warn("Notification {} to {} not sent: no channel '{}' is configured", n.eventKey(),
                        n.recipient().address(), n.recipient().channel());
            }
            return false;
        }
        if (!repository.claim(n, NotificationStatus.SENDING)) {
            log.debug("Notification {} to {} was sent before", n.eventKey(), n.recipient().address());
            return false;
        }
        return deliverClaimed(n, channel);
    }

    /**
     * Records the notification for an engine job to send (status {@code PENDING}), in the caller's
     * transaction: it commits with the transition or not at all. Empty when this event already has its
     * record for this recipient, or when no channel of that name is configured (recorded
     * {@code NO_CHANNEL}, as {@link #send} does).
     */
    Optional<Long> record(Notification n) {
        if (!channels.containsKey(n.recipient().channel())) {
            sendInTransaction(n);
            return Optional.empty();
        }
        return repository.record(n);
    }

    /**
     * Sends the notification {@link #record} recorded, unless it went already (a retried job after a
     * delivery whose commit failed, a second node): in the caller's transaction, the job's, so a failure
     * throws and the engine retries it.
     *
     * @throws NotificationFailedException when the channel cannot deliver
     */
    void deliverRecorded(long id) {
        transaction.executeWithoutResult(status -> repository.claimRecorded(id).ifPresentOrElse(n -> {
            NotificationChannel channel = channels.get(n.recipient().channel());
            if (channel == null) {
                repository.markNoChannel(n);
                log.warn("Notification {} to {} not sent: no channel '{}' is configured any more", n.eventKey(),
                        n.recipient().address(), n.recipient().channel());
            } else {
                deliverClaimed(n, channel);
            }
        }, () -> log.debug("Recorded notification {} was sent before", id)));
    }

    /** Delivers what this transaction claimed and writes the outcome. */
    private boolean deliverClaimed(Notification n, NotificationChannel channel) {
        try {
            channel.deliver(n);
        } catch (RecipientRejectedException e) {
            repository.markRejected(n, e.getMessage());
            log.warn("Notification {} to {} rejected by channel {}: {}", n.eventKey(), n.recipient().address(),
                    channel.name(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // The exception rolls the claiming transaction back (with the caller's, when it joined one).
            onRollback(n, NotificationStatus.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new NotificationFailedException(n, e);
        }
        repository.markSent(n);
        onRollback(n, NotificationStatus.SENT, null);
        log.info("Notification {} sent to {} via {}", n.eventKey(), n.recipient().address(), channel.name());
        return true;
    }

    /**
     * When the transaction that claimed the event rolls back, its row goes with it; what the channel
     * did is written again in a transaction of its own. A message that was delivered is thus recorded
     * SENT and a retry does not send it twice; a failure stays visible as FAILED.
     */
    private void onRollback(Notification n, NotificationStatus outcome, String error) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    return;
                }
                try {
                    newTransaction.executeWithoutResult(tx -> repository.recordOutcome(n, outcome, error));
                } catch (RuntimeException e) {
                    log.error("Notification {} to {} was {} but could not be recorded after the rollback",
                            n.eventKey(), n.recipient().address(), outcome, e);
                }
            }
        });
    }
}
