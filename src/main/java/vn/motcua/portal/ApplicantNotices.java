package vn.motcua.portal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierChanged;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.EventType;
import vn.motcua.dossier.Letterhead;
import vn.motcua.modelling.ProcessBean;
import vn.motcua.notify.Attachment;
import vn.motcua.notify.NotificationJobs;
import vn.motcua.notify.Recipient;
import vn.motcua.notify.Recipients;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.sla.Deadlines;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * What the applicant is told, by e-mail and SMS as their contact data allows (docs/notifications.md, the
 * message matrix): the dossier received, accepted with its appointment (the receipt attached), a supplement
 * asked for (form 02), refused (form 03), the result ready (attached when returned online), closed. The
 * transition records them, in its transaction, and engine jobs send them ({@link NotificationJobs}): a channel
 * outage never fails an officer's step. Keyed by the event, so a retried job or a second node sends nothing twice.
 */
@Component
class ApplicantNotices {

    private static final Logger log = LoggerFactory.getLogger(ApplicantNotices.class);
    static final String RECEPTION_STEP = "check_completeness";

    private final DossierManagement dossiers;
    private final NotificationJobs jobs;
    private final Recipients recipients;
    private final ReceiptPrinter receipts;
    private final DocumentPrinter printer;
    private final Letterhead letterhead;
    private final Deadlines deadlines;
    private final UnitDirectory units;
    private final MotcuaProperties settings;
    private final PortalProperties portal;
    private final TransactionTemplate newTransaction;

    ApplicantNotices(DossierManagement dossiers, NotificationJobs jobs, Recipients recipients, ReceiptPrinter receipts,
            DocumentPrinter printer, Letterhead letterhead, Deadlines deadlines, UnitDirectory units,
            MotcuaProperties settings, PortalProperties portal, PlatformTransactionManager transactions) {
        this.dossiers = dossiers;
        this.jobs = jobs;
        this.recipients = recipients;
        this.receipts = receipts;
        this.printer = printer;
        this.letterhead = letterhead;
        this.deadlines = deadlines;
        this.units = units;
        this.settings = settings;
        this.portal = portal;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * An online or postal dossier was received: recorded once it is stored, in a transaction of its own, so
     * that printing the acknowledgment never holds up (or undoes) the submission; sent by engine jobs like
     * the others. An applicant at the counter is handed the receipt there.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void afterSubmission(DossierChanged change) {
        if (change.type() != EventType.SUBMITTED) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(tx -> {
                Dossier dossier = dossiers.get(change.code());
                if (dossier.channel() != Channel.COUNTER) {
                    tell(dossier, "received", "applicant-received", model(dossier), List.of(
                            Attachment.pdf("giay-xac-nhan-" + dossier.code() + ".pdf", receipts.print(dossier, null))));
                }
            });
        } catch (RuntimeException e) {
            log.warn("The acknowledgment of dossier {} was not recorded: {}", change.code(), e.getMessage());
        }
    }

    @EventListener
    void onTransition(DossierChanged change) {
        switch (change.type()) {
            case ACCEPTED -> accepted(dossiers.get(change.code()));
            case SUPPLEMENT_REQUESTED -> supplementRequested(dossiers.get(change.code()));
            case REFUSED -> refused(dossiers.get(change.code()));
            case CLOSED_WITHOUT_SUPPLEMENT, CLOSED_WITHOUT_PAYMENT -> closed(dossiers.get(change.code()), change.type());
            default -> {
                // The others concern officers, or are told elsewhere (payment, apology, result).
            }
        }
    }

    private void accepted(Dossier dossier) {
        Map<String, Object> model = model(dossier);
        model.put("appointment", letterhead.timeAndDate(dossier.dueAt()));
        tell(dossier, "accepted", "applicant-accepted", model,
                List.of(Attachment.pdf("giay-tiep-nhan-" + dossier.code() + ".pdf", receipts.print(dossier, null))));
    }

    private void supplementRequested(Dossier dossier) {
        List<DossierEvent> sheet = dossiers.controlSheet(dossier.code());
        long number = sheet.stream().filter(row -> row.type() == EventType.SUPPLEMENT_REQUESTED).count();
        Map<String, Object> model = model(dossier);
        model.put("missing", orDash(receptionNote(sheet, "INCOMPLETE")));
        model.put("supplementDue", letterhead.timeAndDate(supplementDue(dossier)));
        byte[] form = printer.print("supplement-request", printModel(dossier, model), Letterhead.VIETNAMESE);
        tell(dossier, "supplement-requested:" + number, "applicant-supplement-requested", model,
                List.of(Attachment.pdf(supplementRequestFileName(dossier), form)));
    }

    private void refused(Dossier dossier) {
        Map<String, Object> model = model(dossier);
        model.put("reason", orDash(receptionNote(dossiers.controlSheet(dossier.code()), "REFUSE")));
        byte[] form = printer.print("reception-refusal", printModel(dossier, model), Letterhead.VIETNAMESE);
        tell(dossier, "refused", "applicant-refused", model, List.of(Attachment.pdf(refusalFileName(dossier), form)));
    }

    private void closed(Dossier dossier, EventType why) {
        Map<String, Object> model = model(dossier);
        model.put("withoutPayment", why == EventType.CLOSED_WITHOUT_PAYMENT);
        tell(dossier, "closed", "applicant-closed", model, List.of());
    }

    /**
     * The result can be had: at the counter or on its way by post (when the result return starts), or online
     * with the result attached (when it is published).
     */
    void resultReady(Dossier dossier, Attachment result) {
        Map<String, Object> model = model(dossier);
        model.put("resultChannel", dossier.resultChannel().name());
        tell(dossier, "result-ready", "applicant-result-ready", model, result == null ? List.of() : List.of(result));
    }

    /** The supplement deadline of the open request: the lifecycle's timer counts it the same way. */
    Instant supplementDue(Dossier dossier) {
        Instant asked = dossiers.controlSheet(dossier.code()).stream()
                .filter(row -> row.type() == EventType.SUPPLEMENT_REQUESTED).map(DossierEvent::occurredAt)
                .reduce((first, second) -> second).orElse(ClockUtil.getCurrentTime().toInstant());
        return deadlines.supplementDue(asked, settings.supplementTimeout());
    }

    /** Form 02 of the dossier's open supplement request, as the tracking page offers it. */
    byte[] printSupplementRequest(Dossier dossier) {
        Map<String, Object> model = model(dossier);
        model.put("missing", orDash(receptionNote(dossiers.controlSheet(dossier.code()), "INCOMPLETE")));
        model.put("supplementDue", letterhead.timeAndDate(supplementDue(dossier)));
        return printer.print("supplement-request", printModel(dossier, model), Letterhead.VIETNAMESE);
    }

    /** Form 03 of a refused dossier. */
    byte[] printRefusal(Dossier dossier) {
        Map<String, Object> model = model(dossier);
        model.put("reason", orDash(receptionNote(dossiers.controlSheet(dossier.code()), "REFUSE")));
        return printer.print("reception-refusal", printModel(dossier, model), Letterhead.VIETNAMESE);
    }

    static String supplementRequestFileName(Dossier dossier) {
        return "phieu-yeu-cau-bo-sung-" + dossier.code() + ".pdf";
    }

    static String refusalFileName(Dossier dossier) {
        return "phieu-tu-choi-" + dossier.code() + ".pdf";
    }

    /** The reception check's note with {@code outcome}, the latest: what is missing, or why it was refused. */
    static String receptionNote(List<DossierEvent> sheet, String outcome) {
        for (int i = sheet.size() - 1; i >= 0; i--) {
            DossierEvent event = sheet.get(i);
            if (event.type() == EventType.STEP_COMPLETED && outcome.equals(event.outcome())) {
                return event.note();
            }
        }
        return null;
    }

    /** Recorded in the caller's transaction (the transition's), sent by engine jobs once it commits. */
    private void tell(Dossier dossier, String event, String template, Map<String, Object> model,
            List<Attachment> attachments) {
        jobs.sendAll(eventKey(dossier, event), dossier.code(), applicant(dossier), template, model, attachments);
    }

    private static String eventKey(Dossier dossier, String event) {
        return "dossier:" + dossier.code() + ":" + event;
    }

    private List<Recipient> applicant(Dossier dossier) {
        return recipients.ofApplicant(dossier.applicant().name(), dossier.applicant().email(), dossier.applicant().phone());
    }

    private Map<String, Object> model(Dossier dossier) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dossierCode", dossier.code());
        model.put("applicantName", dossier.applicant().name());
        model.put("procedureName", dossier.procedureName());
        model.put("unitName", units.find(dossier.unitCode()).map(Unit::name).orElse(dossier.unitCode()));
        model.put("trackingLink", portal.trackingLink(dossier.code()));
        return model;
    }

    private Map<String, Object> printModel(Dossier dossier, Map<String, Object> values) {
        Map<String, Object> model = letterhead.model(dossier, ClockUtil.getCurrentTime().toInstant());
        model.put("code", dossier.code());
        model.put("applicant", dossier.applicant());
        model.put("trackingPage", portal.publicUrl().toString().replaceAll("/+$", "") + "/tra-cuu");
        model.putAll(values);
        return model;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        /** At the start of the result return: a result for the counter or the post is ready (online: when published). */
        @ProcessBean
        @Bean
        ExecutionListener announceResult(ApplicantNotices notices, DossierManagement dossiers) {
            return execution -> {
                Dossier dossier = dossiers.get(execution.getProcessBusinessKey());
                if (dossier.resultChannel() != ResultChannel.ONLINE) {
                    notices.resultReady(dossier, null);
                }
            };
        }
    }
}
