package vn.motcua.payments;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.MotcuaProperties;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.notify.NotificationJobs;
import vn.motcua.notify.Recipients;

/**
 * Tells the applicant what to pay and reminds them (texts in {@code notify/templates/payment-*.txt}),
 * once per dossier and event, and writes it on the control sheet. Sent by engine jobs after the step commits
 * ({@link NotificationJobs}): a channel outage never fails the step.
 */
@Component
class PaymentNotices {

    /** Working days the applicant has to pay: the lifecycle's timer {@code payment_timed_out} says the same. */
    static final int PAYMENT_DAYS = 5;

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Payments payments;
    private final DossierManagement dossiers;
    private final NotificationJobs jobs;
    private final WorkingCalendar calendar;
    private final ZoneId zone;

    private final Recipients recipients;

    PaymentNotices(Payments payments, DossierManagement dossiers, NotificationJobs jobs, Recipients recipients,
            WorkingCalendar calendar, MotcuaProperties settings) {
        this.recipients = recipients;
        this.payments = payments;
        this.dossiers = dossiers;
        this.jobs = jobs;
        this.calendar = calendar;
        this.zone = settings.zone();
    }

    void requested(String code) {
        payments.payBy(code, calendar.plusWorkingDays(Payments.now(), PAYMENT_DAYS));
        Fee fee = payments.assess(code);
        dossiers.paymentRequested(code, fee.amount());
        send(code, fee, "payment-requested", "dossier:" + code + ":payment-requested");
    }

    void reminded(String code) {
        Fee fee = payments.assess(code);
        Dossier dossier = dossiers.get(code);
        dossiers.paymentReminded(code, dossier.applicant().name());
        send(code, fee, "payment-reminder", "dossier:" + code + ":payment-reminder");
    }

    private void send(String code, Fee fee, String template, String eventKey) {
        Dossier dossier = dossiers.get(code);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dossierCode", code);
        model.put("applicantName", dossier.applicant().name());
        model.put("procedureName", dossier.procedureName());
        model.put("amount", NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(fee.amount()));
        model.put("payBy", fee.payBy() == null ? "-" : LOCAL.format(fee.payBy().atZone(zone)));
        PaymentsProperties.PayeeAccount account = payments.account(fee.unitCode()).orElse(null);
        model.put("accountNumber", account == null ? "-" : account.number());
        model.put("accountName", account == null ? "-" : account.name());
        jobs.sendAll(eventKey, code, recipients.ofApplicant(dossier.applicant().name(), dossier.applicant().email(),
                dossier.applicant().phone()), template, model, List.of());
    }
}
