package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Routing;
import vn.motcua.catalogue.SubmissionChannel;
import vn.motcua.documents.CheckedUploads;
import vn.motcua.documents.DocumentViolation;
import vn.motcua.documents.DossierDocument;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.Purpose;
import vn.motcua.documents.Upload;
import vn.motcua.forms.FieldViolation;
import vn.motcua.forms.FormRules;
import vn.motcua.forms.FormValidator;
import vn.motcua.printing.VietnameseDates;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * Submits dossiers and keeps their record and control sheet. The lifecycle model calls the
 * transitions below (through {@link LifecycleDelegates}) in the engine's own transaction, so the
 * record and the process never disagree.
 */
@Service
@Transactional
public class DossierManagement {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * A task-local variable: the text ("Thay mặt ...") that whoever hands a task to someone working for its
     * holder sets (stand-ins); the control sheet's completion row carries it before the step's note.
     */
    public static final String ON_BEHALF_OF = "onBehalfOf";


    private final DossierRepository dossiers;
    private final DossierCodes codes;
    private final DossierProcess process;
    private final ProcedureCatalogue catalogue;
    private final UnitDirectory units;
    private final FormRules formRules;
    private final MotcuaProperties settings;
    private final DossierDocuments documents;
    private final TransactionTemplate transaction;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    DossierManagement(DossierRepository dossiers, DossierCodes codes, DossierProcess process,
            ProcedureCatalogue catalogue, UnitDirectory units, FormRules formRules, MotcuaProperties settings,
            DossierDocuments documents, PlatformTransactionManager transactions, MessageSource messages,
            ApplicationEventPublisher events) {
        this.events = events;
        this.dossiers = dossiers;
        this.codes = codes;
        this.process = process;
        this.catalogue = catalogue;
        this.units = units;
        this.formRules = formRules;
        this.settings = settings;
        this.documents = documents;
        this.transaction = new TransactionTemplate(transactions);
        this.messages = messages;
    }

    /**
     * A submission that passed every check, with its files inspected and spooled: {@link #record}
     * it, then close it (which removes the spools, recorded or not).
     */
    public static final class CheckedSubmission implements AutoCloseable {

        private final Procedure procedure;
        private final Unit unit;
        private final Unit decidingUnit;
        private final Submission submission;
        private final Map<String, Object> data;
        private final CheckedUploads files;

        private CheckedSubmission(Procedure procedure, Unit unit, Unit decidingUnit, Submission submission,
                Map<String, Object> data, CheckedUploads files) {
            this.procedure = procedure;
            this.unit = unit;
            this.decidingUnit = decidingUnit;
            this.submission = submission;
            this.data = data;
            this.files = files;
        }

        @Override
        public void close() {
            files.close();
        }
    }

    /**
     * Checks a submission (values and every file) against the procedure, its form and its document
     * slots, outside any transaction: inspecting files takes seconds, and a database connection held
     * meanwhile is one the other requests wait for. Nothing is stored.
     *
     * @param uploads files by slot; every required slot needs at least one
     * @throws InvalidSubmissionException listing every broken rule, after removing every spool
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CheckedSubmission check(Submission submission, List<Upload> uploads) {
        Procedure procedure = catalogue.get(submission.procedureKey());
        Unit unit = units.find(submission.unitCode()).orElseThrow(() -> InvalidSubmissionException.of(
                "unitCode", "unknown", "Không có đơn vị " + submission.unitCode() + " / Unknown unit"));
        if (!unit.open()) {
            throw InvalidSubmissionException.of("unitCode", "closed", "Đơn vị " + unit.code()
                    + " đã ngừng tiếp nhận hồ sơ / Unit " + unit.code() + " takes no new dossiers");
        }
        // Said in words from the bundles (cấp huyện, trực tuyến), never as the enum names the API uses.
        Routing routing = procedure.routing();
        if (!routing.receivesAt(unit.code(), unit.level())) {
            throw InvalidSubmissionException.of("unitCode", "level", routing.travels()
                    ? bothLanguages("dossier.unit.notReceiving", locale -> routing.receivingUnit() != null
                            ? routing.receivingUnit() : words(locale, "unitLevel.", List.of(routing.receivingLevel())))
                    : bothLanguages("submission.violation.level",
                            locale -> words(locale, "unitLevel.", List.of(procedure.unitLevel()))));
        }
        Unit decidingUnit = decidingUnit(procedure, unit);
        if (!procedure.channels().contains(SubmissionChannel.valueOf(submission.channel().name()))) {
            throw InvalidSubmissionException.of("channel", "option", bothLanguages("submission.violation.channel",
                    locale -> words(locale, "channel.", procedure.channels())));
        }
        if (!procedure.resultChannels().contains(submission.resultChannel())) {
            throw InvalidSubmissionException.of("resultChannel", "option", bothLanguages("submission.violation.resultChannel",
                    locale -> words(locale, "resultChannel.", procedure.resultChannels())));
        }
        Map<String, Object> data = submission.data() == null ? Map.of() : submission.data();
        CheckedUploads files = documents.check(uploads, slot -> procedure.document(slot).map(DocumentSlot::rule));
        try {
            List<FieldViolation> formViolations = formViolations(procedure, data);
            List<DocumentViolation> documentViolations = new ArrayList<>(files.violations());
            documentViolations.addAll(reuseViolations(procedure, submission.reused(), Applicant.from(data).idNumber()));
            for (DocumentSlot slot : procedure.documents()) {
                if (slot.requiredFor(data) && !files.hasFilesFor(slot.id()) && !submission.reused().containsKey(slot.id())
                        && uploads.stream().noneMatch(upload -> upload.slot().equals(slot.id()))) {
                    documentViolations.add(DocumentViolation.of(slot.id(), null, "required",
                            "Thiếu thành phần hồ sơ bắt buộc: " + slot.name(), "Required document missing: " + slot.nameEn()));
                }
            }
            if (!formViolations.isEmpty() || !documentViolations.isEmpty()) {
                throw new InvalidSubmissionException(formViolations, documentViolations);
            }
            return new CheckedSubmission(procedure, unit, decidingUnit, submission, data, files);
        } catch (RuntimeException | Error e) {
            files.close();
            throw e;
        }
    }

    /**
     * Records a checked submission, stores its documents and starts its lifecycle, in one
     * transaction (the caller's, if it has one). The answer carries the applicant's lookup secret,
     * which is not kept and cannot be read again.
     */
    public SubmittedDossier record(CheckedSubmission checked, String submittedBy) {
        return record(checked, submittedBy, null);
    }

    /**
     * As {@link #record(CheckedSubmission, String)}, for a citizen's online submission made with the help of the desk
     * officer {@code assistedBy}: it stays ONLINE (counted online in every report) and the officer is named on the
     * dossier and on the control sheet's first row.
     */
    public SubmittedDossier record(CheckedSubmission checked, String submittedBy, String assistedBy) {
        if (assistedBy != null && checked.submission.channel() != Channel.ONLINE) {
            throw new IllegalArgumentException("Only an online submission is assisted at the desk");
        }
        return record(checked.procedure, checked.unit, checked.decidingUnit, checked.submission, checked.data,
                checked.files, submittedBy, assistedBy);
    }

    /**
     * The unit that processes and decides a dossier received at {@code unit}: the unit itself, its parent or
     * the unit the procedure names ({@code procedure.decidedBy}); it must exist, be open and be at the
     * procedure's level, or nothing can be decided and the submission is refused.
     */
    private Unit decidingUnit(Procedure procedure, Unit unit) {
        Routing routing = procedure.routing();
        if (!routing.travels()) {
            return unit;
        }
        String code = routing.decidedByParent() ? unit.parentCode() : routing.decidingUnit();
        Unit deciding = code == null ? null : units.find(code).filter(Unit::open).orElse(null);
        if (deciding == null || deciding.level() != procedure.unitLevel()) {
            throw InvalidSubmissionException.of("unitCode", "noDecidingUnit", bothLanguagesOf("dossier.unit.noDecidingUnit",
                    locale -> new Object[] {unit.code(), words(locale, "unitLevel.", List.of(procedure.unitLevel()))}));
        }
        return deciding;
    }

    private SubmittedDossier record(Procedure procedure, Unit unit, Unit decidingUnit, Submission submission,
            Map<String, Object> data, CheckedUploads files, String submittedBy, String assistedBy) {
        Applicant applicant = Applicant.from(data);
        Instant now = now();
        String code = codes.next(unit.code(), LocalDate.ofInstant(now, settings.zone()));
        long id = dossiers.insert(new Dossier(0, code, procedure.key(), procedure.version(), procedure.code(),
                procedure.name(), procedure.legalBasis(), unit.code(), submission.channel(), submission.resultChannel(),
                DossierStatus.SUBMITTED, null, applicant, data, procedure.deadlineWorkingDays(), now, null, null,
                null, null, null, submittedBy, assistedBy, null, new DossierClock(procedure.timeLimits().legal().toString(),
                        null, null, null, Duration.ZERO, null, null, null, null), decidingUnit.code()));
        String assisted = assistedBy == null ? null
                : messages.getMessage("dossier.assistedOnline", new Object[] {assistedBy}, Locale.ROOT);
        dossiers.append(id, new DossierEvent(now, EventType.SUBMITTED, null, null, applicant.name(), unit.code(),
                assistedBy == null ? submittedBy : assistedBy, submission.channel().name(), assisted,
                DossierStatus.SUBMITTED));
        dossiers.updateHolder(id, null, applicant.name());
        String secret = LookupSecrets.generate();
        dossiers.updateLookupSecret(id, LookupSecrets.hash(secret));
        documents.store(code, files.accepted(), Purpose.SUBMISSION, submittedBy, now);
        documents.reuse(code, submission.reused(), Purpose.SUBMISSION, submittedBy, now);

        Map<String, Object> variables = new HashMap<>(data);
        variables.put("unit", unit.code());
        variables.put("decidingUnit", decidingUnit.code());
        variables.put("procedureKey", procedure.key());
        variables.put("procedureVersion", procedure.version());
        variables.put("resultChannel", submission.resultChannel().name());
        variables.put("supplementTimeout", settings.supplementTimeout().toString());
        dossiers.updateProcessInstance(id, process.start(code, variables));
        events.publishEvent(new DossierChanged(code, EventType.SUBMITTED));
        return new SubmittedDossier(get(code), secret);
    }

    /**
     * The applicant's answer to a supplement request: a note, any corrected form values and the
     * documents asked for, all checked (against the procedure version the dossier was submitted on)
     * before anything is stored.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Dossier receiveSupplement(String code, String note, Map<String, Object> corrections, List<Upload> uploads,
            String actor) {
        Dossier dossier = get(code);
        if (dossier.status() != DossierStatus.AWAITING_SUPPLEMENT) {
            throw new DossierStateException(code, dossier.status(), "receive a supplement");
        }
        Procedure procedure = catalogue.find(dossier.procedureKey(), dossier.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("Procedure " + dossier.procedureKey() + " version "
                        + dossier.procedureVersion() + " is no longer deployed"));
        Map<String, Object> changed = corrections == null ? Map.of() : corrections;
        Map<String, Object> merged = new LinkedHashMap<>(dossier.formData());
        merged.putAll(changed);
        try (CheckedUploads files = documents.check(uploads, slot -> procedure.document(slot).map(DocumentSlot::rule))) {
            List<FieldViolation> formViolations = changed.isEmpty() ? List.of() : formViolations(procedure, merged);
            if (!formViolations.isEmpty() || !files.violations().isEmpty()) {
                throw new InvalidSubmissionException(formViolations, files.violations());
            }
            return transaction.execute(status -> {
                Dossier current = get(code);
                if (current.status() != DossierStatus.AWAITING_SUPPLEMENT) {
                    throw new DossierStateException(code, current.status(), "receive a supplement");
                }
                if (!changed.isEmpty()) {
                    dossiers.updateFormData(current.id(), merged, Applicant.from(merged));
                }
                documents.store(code, files.accepted(), Purpose.SUPPLEMENT, actor, now());
                dossiers.updateStatus(current.id(), DossierStatus.SUBMITTED);
                append(current, EventType.SUPPLEMENT_RECEIVED, actor, null, note, DossierStatus.SUBMITTED);
                if (!process.supplementReceived(code, changed)) {
                    throw new DossierStateException(code, current.status(), "receive a supplement: nothing waits for one");
                }
                return get(code);
            });
        }
    }

    @Transactional(readOnly = true)
    public Optional<Dossier> find(String code) {
        return dossiers.findByCode(code);
    }

    /**
     * The dossier when the secret is the one issued for it. An unknown code and a wrong secret both
     * give nothing, after the same work, so that neither can be told from the other.
     */
    @Transactional(readOnly = true)
    public Optional<Dossier> findWithSecret(String code, String secret) {
        String storedHash = dossiers.lookupSecretHash(code).orElse(null);
        return LookupSecrets.matches(secret, storedHash) ? find(code) : Optional.empty();
    }

    /**
     * The dossiers an applicant submitted under this identity number, newest first, at most
     * {@code limit}: for a citizen whose identity an OIDC provider vouched for.
     */
    @Transactional(readOnly = true)
    public List<Dossier> findByApplicant(String idNumber, int limit) {
        return dossiers.findByApplicantIdNumber(idNumber, limit);
    }

    /**
     * The codes of the unit's dossiers whose result waits at the counter, oldest first, at most
     * {@code limit}: what the desk's public display lists (the code alone, no name, no procedure).
     */
    @Transactional(readOnly = true)
    public List<String> readyAtCounter(String unitCode, int limit) {
        return dossiers.codesReadyAtCounter(unitCode, limit);
    }

    @Transactional(readOnly = true)
    public Dossier get(String code) {
        return find(code).orElseThrow(() -> new DossierNotFoundException(code));
    }

    @Transactional(readOnly = true)
    public List<DossierEvent> controlSheet(String code) {
        return dossiers.events(get(code).id());
    }

    void accept(String code) {
        Dossier dossier = get(code);
        dossiers.markAccepted(dossier.id(), now());
        append(dossier, EventType.ACCEPTED, null, null, null, DossierStatus.IN_PROGRESS);
        if (dossier.travels()) {
            handedOverBetweenUnits(dossier, dossier.unitCode(), dossier.decidingUnitCode(), DossierStatus.IN_PROGRESS);
        }
        events.publishEvent(new DossierChanged(code, EventType.ACCEPTED));
    }

    /**
     * A travelling dossier changes units: accepted at the receiving desk, it goes to the deciding unit; decided,
     * it comes back to the desk for the result. One {@code HANDED_OVER} row names both units (codes and names).
     */
    private void handedOverBetweenUnits(Dossier dossier, String fromUnit, String toUnit, DossierStatus status) {
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.HANDED_OVER, null, null, unitName(fromUnit),
                unitName(toUnit), null, null, null, status, null, null, fromUnit, toUnit));
    }

    private String unitName(String code) {
        return units.find(code).map(Unit::name).orElse(code);
    }

    void requestSupplement(String code) {
        Dossier dossier = get(code);
        dossiers.updateStatus(dossier.id(), DossierStatus.AWAITING_SUPPLEMENT);
        append(dossier, EventType.SUPPLEMENT_REQUESTED, null, null, null, DossierStatus.AWAITING_SUPPLEMENT);
        events.publishEvent(new DossierChanged(code, EventType.SUPPLEMENT_REQUESTED));
    }

    void refuse(String code) {
        finish(get(code), EventType.REFUSED, DossierStatus.REFUSED, null);
    }

    void closeWithoutSupplement(String code) {
        finish(get(code), EventType.CLOSED_WITHOUT_SUPPLEMENT, DossierStatus.CLOSED_WITHOUT_SUPPLEMENT, null);
    }

    /** The applicant was asked to pay {@code amount} VND before the dossier goes on. */
    public void paymentRequested(String code, long amount) {
        Dossier dossier = get(code);
        dossiers.updateStatus(dossier.id(), DossierStatus.AWAITING_PAYMENT);
        append(dossier, EventType.PAYMENT_REQUESTED, null, String.valueOf(amount), null, DossierStatus.AWAITING_PAYMENT);
    }

    public void paymentReminded(String code, String recipient) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.PAYMENT_REMINDED, null, null, null, recipient,
                null, null, null, dossier.status()));
    }

    /**
     * The fee was paid ({@code how}: the bank notice or the counter); a dossier that waited for it goes back
     * to where it stood: in progress before the decision, awaiting the result return after it.
     */
    public void paymentReceived(String code, long amount, String how, String actor) {
        Dossier dossier = get(code);
        DossierStatus status = dossier.status();
        if (status == DossierStatus.AWAITING_PAYMENT) {
            status = dossier.decision() == null ? DossierStatus.IN_PROGRESS : DossierStatus.AWAITING_RESULT_RETURN;
            dossiers.updateStatus(dossier.id(), status);
        }
        append(dossier, EventType.PAYMENT_RECEIVED, actor, String.valueOf(amount), how, status);
    }

    void closeWithoutPayment(String code) {
        finish(get(code), EventType.CLOSED_WITHOUT_PAYMENT, DossierStatus.CLOSED_WITHOUT_PAYMENT, null);
    }

    void recordDecision(String code, Decision decision) {
        Dossier dossier = get(code);
        dossiers.markDecided(dossier.id(), decision);
        append(dossier, EventType.DECIDED, null, decision.name(), null, DossierStatus.AWAITING_RESULT_RETURN);
        if (dossier.travels()) {
            handedOverBetweenUnits(dossier, dossier.decidingUnitCode(), dossier.unitCode(),
                    DossierStatus.AWAITING_RESULT_RETURN);
        }
        events.publishEvent(new DossierChanged(code, EventType.DECIDED));
    }

    void recordResultReturned(String code) {
        Dossier dossier = get(code);
        finish(dossier, EventType.RESULT_RETURNED, DossierStatus.RESULT_RETURNED, dossier.resultChannel().name());
    }

    /** The legal time starts to run from {@code countingStart}: the dossier is due at {@code dueAt}. */
    public void deadlineSet(String code, Instant countingStart, Instant dueAt, SortedSet<Integer> provisionalYears) {
        Dossier dossier = get(code);
        dossiers.startClock(dossier.id(), countingStart, dueAt, provisionalYears);
        appendDeadline(dossier, EventType.DEADLINE_SET, null, provisionalNote(
                "Bắt đầu tính thời hạn / Counting from " + countingStart, provisionalYears), dueAt);
    }

    /**
     * An online dossier was accepted after its upload: its legal time runs from {@code countingStart}, the
     * acceptance (cut-off rule applied), and the appointment on its receipt is {@code dueAt}. What the
     * clock counted from the upload was only the reception check's own allowance.
     */
    public void deadlineSetAtAcceptance(String code, Instant countingStart, Instant dueAt,
            SortedSet<Integer> provisionalYears) {
        Dossier dossier = get(code);
        dossiers.restartClock(dossier.id(), countingStart, dueAt, provisionalYears);
        appendDeadline(dossier, EventType.DEADLINE_SET, null, provisionalNote(
                messages.getMessage("dossier.deadline.fromAcceptance", new Object[] {countingStart}, Locale.ROOT),
                provisionalYears), dueAt);
    }

    /**
     * The schedule of a year the due date was counted on provisionally was loaded: the dates were counted
     * again on it ({@code dueAt}, never earlier than the appointment printed), with what is still provisional.
     */
    public void deadlineRecomputed(String code, int loadedYear, Instant dueAt, SortedSet<Integer> provisionalYears) {
        Dossier dossier = get(code);
        dossiers.recomputeDue(dossier.id(), dueAt, provisionalYears);
        appendDeadline(dossier, EventType.DEADLINE_RECOMPUTED, null, provisionalNote(
                messages.getMessage("dossier.deadline.recomputed", new Object[] {loadedYear}, Locale.ROOT),
                provisionalYears), dueAt);
    }

    /** Open dossiers whose due date rests on {@code year} counted provisionally. */
    public List<String> countedProvisionallyOn(int year) {
        return dossiers.openCodesProvisionalOn(year);
    }

    private String provisionalNote(String note, SortedSet<Integer> provisionalYears) {
        if (provisionalYears.isEmpty()) {
            return note;
        }
        return note + "; " + messages.getMessage("dossier.deadline.provisional",
                new Object[] {provisionalYears.stream().map(String::valueOf).collect(Collectors.joining(", "))}, Locale.ROOT);
    }

    /** The clock stops while the applicant supplements the dossier. */
    public void clockPaused(String code) {
        Dossier dossier = get(code);
        dossiers.pauseClock(dossier.id(), now());
        appendDeadline(dossier, EventType.CLOCK_PAUSED, null, null, dossier.dueAt());
    }

    /**
     * The clock runs again: {@code how} is {@link EventType#CLOCK_RESUMED} (due date moved by the
     * working time waited, {@code pausedInTotal} so far) or {@link EventType#CLOCK_RESTARTED} (the full
     * legal time from {@code countingStart}).
     */
    public void clockResumed(String code, EventType how, Instant countingStart, Duration pausedInTotal, Instant dueAt,
            SortedSet<Integer> provisionalYears, String note) {
        if (how != EventType.CLOCK_RESUMED && how != EventType.CLOCK_RESTARTED) {
            throw new IllegalArgumentException("Not a way to resume the clock: " + how);
        }
        Dossier dossier = get(code);
        dossiers.resumeClock(dossier.id(), countingStart, pausedInTotal, dueAt, provisionalYears);
        appendDeadline(dossier, how, null, provisionalNote(note, provisionalYears), dueAt);
    }

    /** The due date passed before the dossier was settled; the first time counts. */
    public void overdue(String code) {
        Dossier dossier = get(code);
        Instant now = now();
        dossiers.markOverdue(dossier.id(), now);
        appendDeadline(dossier, EventType.OVERDUE, null, null, dossier.dueAt());
    }

    /** The holders of a step (or of the whole dossier, {@code stepId} null) were warned it is about to run out. */
    public void deadlineWarning(String code, String stepId, String stepName, String warned, Instant dueAt) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.DEADLINE_WARNING, stepId, stepName, null, warned,
                null, null, null, dossier.status(), null, dueAt));
    }

    /** The head of unit gave a late step to another officer. */
    public void taskReassigned(String code, String stepId, String stepName, String from, String to, String actor,
            String note) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.TASK_REASSIGNED, stepId, stepName, from, to,
                actor, null, note, dossier.status()));
        dossiers.updateHolder(dossier.id(), stepName, to);
    }

    /** The head of unit asked the holder of a late step to hurry. */
    public void taskExpedited(String code, String stepId, String stepName, String holder, String actor, String note) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.TASK_EXPEDITED, stepId, stepName, null, holder,
                actor, null, note, dossier.status()));
    }

    /** The head of unit issued apology letter number {@code number} with a new appointment date. */
    public void apologyIssued(String code, int number, LocalDate newAppointment, String reason, String actor) {
        Dossier dossier = get(code);
        dossiers.newAppointment(dossier.id(), newAppointment, reason);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.APOLOGY_ISSUED, null, null, null,
                dossier.applicant().name(), actor, String.valueOf(number),
                "Hẹn lại ngày " + newAppointment + ": " + reason, dossier.status(), dossier.dueAt(), dossier.dueAt()));
    }

    /**
     * What every completed step of the dossier found, oldest first, one line each (when, step, who,
     * outcome, note): shown to the officer of the next step, e.g. the head who approves.
     */
    String findings(String code) {
        StringBuilder lines = new StringBuilder();
        for (DossierEvent row : controlSheet(code)) {
            if (row.type() != EventType.STEP_COMPLETED) {
                continue;
            }
            lines.append(VietnameseDates.timeAndDate(row.occurredAt(), settings.zone())).append(" · ").append(row.stepName());
            if (row.actor() != null) {
                lines.append(" (").append(row.actor()).append(')');
            }
            if (row.outcome() != null) {
                lines.append(": ").append(row.outcome());
            }
            if (row.note() != null) {
                lines.append(" · ").append(row.note());
            }
            lines.append('\n');
        }
        return lines.toString().strip();
    }

    /** A step was handed to its next holder (a candidate group or an assignee). */
    void handedOver(String code, String stepId, String stepName, String to) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.HANDED_OVER, stepId, stepName,
                dossier.currentHolder(), to, null, null, null, dossier.status()));
        dossiers.updateHolder(dossier.id(), stepName, to);
    }

    /**
     * A step was completed by {@code actor} with its outcome and note; the dossier stays with
     * {@code stillOpen}, another of its steps still open (null: none).
     */
    void stepCompleted(String code, String stepId, String stepName, String actor, String outcome, String note,
            ControlSheetStep stillOpen) {
        Dossier dossier = get(code);
        dossiers.append(dossier.id(), new DossierEvent(now(), EventType.STEP_COMPLETED, stepId, stepName,
                dossier.currentHolder(), null, actor, outcome, note, dossier.status()));
        if (stillOpen == null) {
            dossiers.updateHolder(dossier.id(), stepName, actor);
        } else {
            dossiers.updateHolder(dossier.id(), stillOpen.name(), stillOpen.holder());
        }
    }

    private List<FieldViolation> formViolations(Procedure procedure, Map<String, Object> values) {
        List<FieldViolation> violations = new ArrayList<>(formRules.check(catalogue.submissionForm(procedure), values,
                FormValidator.Mode.SUBMISSION));
        if (violations.isEmpty() && Applicant.from(values).name() == null) {
            violations.add(new FieldViolation("applicantName", "required", "Trường bắt buộc / This field is required"));
        }
        return violations;
    }

    private void finish(Dossier dossier, EventType type, DossierStatus status, String outcome) {
        dossiers.markFinished(dossier.id(), status, now());
        append(dossier, type, null, outcome, null, status);
        events.publishEvent(new DossierChanged(dossier.code(), type));
    }

    private void appendDeadline(Dossier dossier, EventType type, String actor, String note, Instant dueAt) {
        dossiers.append(dossier.id(), new DossierEvent(now(), type, null, null, null, null, actor, null, note,
                dossier.status(), dossier.dueAt(), dueAt));
    }

    private void append(Dossier dossier, EventType type, String actor, String outcome, String note,
            DossierStatus status) {
        dossiers.append(dossier.id(), new DossierEvent(now(), type, null, null, null, null, actor, outcome, note,
                status));
    }

    /**
     * A reused paper must be the applicant's own (from a dossier filed under the same identity
     * number) and keep to its new slot's rule, exactly as an upload would.
     */
    private List<DocumentViolation> reuseViolations(Procedure procedure, Map<String, Long> reused, String idNumber) {
        List<DocumentViolation> violations = new ArrayList<>();
        reused.forEach((slotId, documentId) -> {
            Optional<DocumentSlot> slot = procedure.document(slotId);
            Optional<DossierDocument> paper = documents.find(documentId)
                    .filter(d -> idNumber != null && dossiers.findByCode(d.dossierCode())
                            .map(owner -> idNumber.equals(owner.applicant().idNumber())).orElse(false));
            if (slot.isEmpty() || paper.isEmpty()) {
                violations.add(DocumentViolation.of(slotId, null, "reuse",
                        messages.getMessage("dossier.reuse.refused", null, VIETNAMESE),
                        messages.getMessage("dossier.reuse.refused", null, Locale.ENGLISH)));
            } else if (!slot.get().types().contains(paper.get().type()) || paper.get().size() > slot.get().maxSizeBytes()) {
                violations.add(DocumentViolation.of(slotId, paper.get().name(), "reuseRule",
                        messages.getMessage("dossier.reuse.notFitting", new Object[] {slot.get().name()}, VIETNAMESE),
                        messages.getMessage("dossier.reuse.notFitting", new Object[] {slot.get().nameEn()}, Locale.ENGLISH)));
            }
        });
        return violations;
    }

    /** A problem's message as every problem body carries it: "Tiếng Việt / English". */
    private String bothLanguages(String key, Function<Locale, String> argument) {
        return bothLanguagesOf(key, locale -> new Object[] {argument.apply(locale)});
    }

    private String bothLanguagesOf(String key, Function<Locale, Object[]> arguments) {
        return messages.getMessage(key, arguments.apply(VIETNAMESE), VIETNAMESE) + " / "
                + messages.getMessage(key, arguments.apply(Locale.ENGLISH), Locale.ENGLISH);
    }

    private String words(Locale locale, String prefix, Collection<? extends Enum<?>> values) {
        return values.stream().map(value -> messages.getMessage(prefix + value.name(), null, value.name(), locale).toLowerCase(locale))
                .collect(Collectors.joining(", "));
    }

    /** The engine's clock, so that tests which move it move every capability's timestamps too. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
