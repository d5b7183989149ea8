package vn.motcua.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.MotcuaProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.notify.Attachment;
import vn.motcua.notify.Message;
import vn.motcua.notify.Notification;
import vn.motcua.notify.NotificationJobs;
import vn.motcua.notify.Notifier;
import vn.motcua.notify.Recipient;
import vn.motcua.notify.Recipients;

/**
 * The SLA's notifications, texts in {@code notify/templates/sla-*.txt}. Each is keyed by the event
 * (task id, dossier code, letter number), so a retried job or a second node sends nothing twice. The
 * applicant's messages are sent by engine jobs after the step commits ({@link NotificationJobs}): the head of
 * unit's letter is issued even while a channel is down.
 */
@Component
class SlaNotices {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Notifier notifier;
    private final NotificationJobs jobs;
    private final Recipients recipients;
    private final ZoneId zone;

    SlaNotices(Notifier notifier, NotificationJobs jobs, Recipients recipients, MotcuaProperties settings) {
        this.notifier = notifier;
        this.jobs = jobs;
        this.recipients = recipients;
        this.zone = settings.zone();
    }

    /** The e-mail recipients among an assignee (when there is one) or else the members of the groups. */
    List<Recipient> officers(String assignee, List<String> groups) {
        if (assignee != null) {
            return recipients.ofUser(assignee).stream().toList();
        }
        List<Recipient> all = new ArrayList<>();
        groups.forEach(group -> recipients.ofGroup(group).stream().filter(r -> !all.contains(r)).forEach(all::add));
        return all;
    }

    List<Recipient> group(String groupId) {
        return recipients.ofGroup(groupId);
    }

    void send(String eventKey, Dossier dossier, List<Recipient> to, String template, Map<String, Object> details) {
        Message message = notifier.render(template, model(dossier, details));
        to.forEach(recipient -> notifier.send(new Notification(eventKey, dossier.code(), recipient, message)));
    }

    /** The apology letter to the applicant, by e-mail with the letter attached and by SMS, as their contact data allows. */
    void sendApologyLetter(Dossier dossier, int number, Map<String, Object> details, byte[] pdf) {
        jobs.sendAll("dossier:" + dossier.code() + ":apology:" + number, dossier.code(), applicant(dossier),
                "sla-apology-letter", model(dossier, details),
                List.of(Attachment.pdf(ApologyLetters.fileName(dossier.code(), number), pdf)));
    }

    /**
     * The applicant is told that the appointment moved: the due date was counted again on the announced
     * schedule of {@code year}, which has more days off than the provisional one it had been counted on.
     */
    void sendAppointmentMoved(Dossier dossier, int year, Instant previous) {
        jobs.sendAll("dossier:" + dossier.code() + ":appointment-moved:" + year, dossier.code(), applicant(dossier),
                "sla-appointment-moved", model(dossier, Map.of("year", year, "previousDueAt", local(previous))), List.of());
    }

    private List<Recipient> applicant(Dossier dossier) {
        return recipients.ofApplicant(dossier.applicant().name(), dossier.applicant().email(), dossier.applicant().phone());
    }

    String local(Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    private Map<String, Object> model(Dossier dossier, Map<String, Object> details) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dossierCode", dossier.code());
        model.put("procedureName", dossier.procedureName());
        model.put("applicantName", dossier.applicant().name());
        model.put("dueAt", local(dossier.dueAt()));
        model.putAll(details);
        return model;
    }
}
