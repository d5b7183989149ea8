package vn.motcua.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import vn.motcua.calendar.UnknownCalendarYearException;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormViolationException;

/**
 * Warnings before deadlines run out and the head of unit's answers once a dossier is at risk or
 * overdue: reassign the late step, expedite it, or issue an apology letter.
 */
@Service
class Escalation {

    static final String FORM = "late-dossier";

    enum Action {
        REASSIGN, EXPEDITE, APOLOGY, MONITOR
    }

    enum Lateness {
        AT_RISK, OVERDUE
    }

    private final DossierManagement dossiers;
    private final SlaProcess process;
    private final SlaNotices notices;
    private final ApologyLetters apologies;
    private final WorkingCalendar calendar;
    private final SlaProperties settings;

    Escalation(DossierManagement dossiers, SlaProcess process, SlaNotices notices, ApologyLetters apologies,
            WorkingCalendar calendar, SlaProperties settings) {
        this.dossiers = dossiers;
        this.process = process;
        this.notices = notices;
        this.apologies = apologies;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** A task's phase is about to run out (its timeout listener): its holders are told. */
    void warnTaskHolders(DelegateTask task) {
        String code = task.getExecution().getProcessBusinessKey();
        Dossier dossier = dossiers.get(code);
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).sorted().toList();
        Instant stepDue = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        notices.send("task:" + task.getId() + ":warning", dossier, notices.officers(task.getAssignee(), groups),
                "sla-task-warning", Map.of("step", task.getName(), "stepDueAt", notices.local(stepDue)));
        dossiers.deadlineWarning(code, task.getTaskDefinitionKey(), task.getName(),
                task.getAssignee() != null ? task.getAssignee() : String.join(", ", groups), stepDue);
    }

    /** The whole dossier is about to run out: the holders of its open steps and the head of unit are told. */
    void warnDossierAtRisk(String code, String unit) {
        Dossier dossier = dossiers.get(code);
        List<Task> open = process.openTasks(code);
        List<vn.motcua.notify.Recipient> to = new ArrayList<>();
        for (Task task : open) {
            notices.officers(task.getAssignee(), process.candidateGroups(task)).stream()
                    .filter(r -> !to.contains(r)).forEach(to::add);
        }
        notices.group(head(unit)).stream().filter(r -> !to.contains(r)).forEach(to::add);
        notices.send("dossier:" + code + ":at-risk", dossier, to, "sla-dossier-at-risk",
                Map.of("holders", holders(open)));
        dossiers.deadlineWarning(code, null, null, holders(open) + "; " + head(unit), dossier.dueAt());
    }

    /** The due date passed: the dossier is overdue and the head of unit is told. */
    void markOverdue(String code, String unit) {
        dossiers.overdue(code);
        Dossier dossier = dossiers.get(code);
        notices.send("dossier:" + code + ":overdue", dossier, notices.group(head(unit)), "sla-dossier-overdue",
                Map.of("holders", holders(process.openTasks(code))));
    }

    /** What the head of unit's form shows: what is late, since when, and who holds it. */
    Map<String, Object> describe(String code, Lateness lateness) {
        Dossier dossier = dossiers.get(code);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("lateness", lateness.name());
        facts.put("dossierCode", code);
        facts.put("procedureName", dossier.procedureName());
        facts.put("applicantName", dossier.applicant().name());
        facts.put("dueAtText", notices.local(dossier.dueAt()));
        facts.put("lateSinceText", lateness == Lateness.OVERDUE ? notices.local(dossier.dueAt()) : "");
        facts.put("lateSteps", holders(process.openTasks(code)));
        return facts;
    }

    /**
     * The head's answer is checked before the task completes: a refused answer is an HTTP 400 in Tasklist
     * and the engine REST API, as for any form rule, and nothing changes.
     */
    void check(String unit, Map<String, Object> values) {
        List<FieldViolation> violations = new ArrayList<>();
        Action action = action(values.get("lateDossierAction"));
        if (action == Action.MONITOR && Lateness.OVERDUE.name().equals(values.get("lateness"))) {
            violations.add(new FieldViolation("lateDossierAction", "overdue",
                    "Hồ sơ đã quá hạn: phải giao lại, đôn đốc hoặc xin lỗi / The dossier is overdue: reassign, "
                            + "expedite or apologise"));
        }
        if (action == Action.REASSIGN) {
            Object assignee = values.get("newAssignee");
            if (!(assignee instanceof String user) || user.isBlank() || !process.isOfficerOf(user.strip(), unit)) {
                violations.add(new FieldViolation("newAssignee", "officer",
                        "Phải là cán bộ của đơn vị " + unit + " / Must be an officer of unit " + unit));
            }
        }
        if (action == Action.APOLOGY) {
            checkNewAppointment(values.get("newAppointmentDate"), violations);
        }
        if (!violations.isEmpty()) {
            throw new FormViolationException(FORM, violations);
        }
    }

    void reassign(String code, String newAssignee, String actor, String note) {
        Dossier dossier = dossiers.get(code);
        for (Task task : process.openTasks(code)) {
            String from = task.getAssignee() != null ? task.getAssignee() : String.join(", ", process.candidateGroups(task));
            process.reassign(task, newAssignee);
            dossiers.taskReassigned(code, task.getTaskDefinitionKey(), task.getName(), from, newAssignee, actor, note);
            notices.send("task:" + task.getId() + ":reassigned:" + newAssignee, dossier,
                    notices.officers(newAssignee, List.of()), "sla-task-reassigned",
                    Map.of("step", task.getName(), "note", note == null ? "" : note));
        }
    }

    /** {@code decisionId} (the head's task) tells one expedite request from the next. */
    void expedite(String code, String decisionId, String actor, String note) {
        Dossier dossier = dossiers.get(code);
        for (Task task : process.openTasks(code)) {
            process.raisePriority(task, settings.expeditedPriority());
            List<String> groups = process.candidateGroups(task);
            notices.send("task:" + task.getId() + ":expedited:" + decisionId, dossier,
                    notices.officers(task.getAssignee(), groups), "sla-task-expedited",
                    Map.of("step", task.getName(), "note", note == null ? "" : note));
            dossiers.taskExpedited(code, task.getTaskDefinitionKey(), task.getName(),
                    task.getAssignee() != null ? task.getAssignee() : String.join(", ", groups), actor, note);
        }
    }

    int apologise(String code, String reason, String newAppointmentDate, String actor) {
        return apologies.issue(code, reason, LocalDate.parse(newAppointmentDate), actor);
    }

    private void checkNewAppointment(Object value, List<FieldViolation> violations) {
        LocalDate date;
        try {
            date = value instanceof String text ? LocalDate.parse(text.strip()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            violations.add(new FieldViolation("newAppointmentDate", "date",
                    "Phải là một ngày (năm-tháng-ngày) / Must be a date (yyyy-mm-dd)"));
            return;
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
        if (!date.isAfter(today)) {
            violations.add(new FieldViolation("newAppointmentDate", "future",
                    "Ngày hẹn mới phải sau hôm nay / The new appointment must be after today"));
            return;
        }
        try {
            if (!calendar.isWorkingDay(date)) {
                violations.add(new FieldViolation("newAppointmentDate", "workingDay",
                        "Ngày hẹn mới phải là ngày làm việc / The new appointment must be a working day"));
            }
        } catch (UnknownCalendarYearException e) {
            violations.add(new FieldViolation("newAppointmentDate", "calendar",
                    "Chưa có lịch làm việc năm " + e.year() + " / No working calendar for " + e.year()));
        }
    }

    private static Action action(Object value) {
        for (Action action : Action.values()) {
            if (action.name().equals(value)) {
                return action;
            }
        }
        return null; // the form's own rules refuse a missing or unknown choice
    }

    private String holders(List<Task> tasks) {
        List<String> lines = new ArrayList<>();
        for (Task task : tasks) {
            String holder = task.getAssignee() != null ? task.getAssignee() : String.join(", ", process.candidateGroups(task));
            lines.add(task.getName() + " - " + holder + (task.getDueDate() == null ? ""
                    : " (hạn / due " + notices.local(task.getDueDate().toInstant()) + ")"));
        }
        return String.join("; ", lines);
    }

    private static String head(String unit) {
        return "head:" + unit;
    }
}
