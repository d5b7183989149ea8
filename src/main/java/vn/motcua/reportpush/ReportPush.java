package vn.motcua.reportpush;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import vn.motcua.MotcuaProperties;

import vn.motcua.reports.PeriodKind;
import vn.motcua.reports.ReportPeriod;

/**
 * Pushes reports to the configured endpoints, and the capability's one way to the engine (a re-send
 * starts {@code report_push} by message). Sending is done by the model's asynchronous step, one engine
 * job per endpoint: a failure throws, the engine retries the job, and an incident shows when it gives up.
 */
@Service
public class ReportPush {

    static final String PROCESS = "report_push";
    static final String RESEND_MESSAGE = "report_resend_requested";

    private static final Logger log = LoggerFactory.getLogger(ReportPush.class);

    private final ReportPushProperties settings;
    private final DeliveryLog deliveries;
    private final ReportPayload payload;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ZoneId zone;
    private final Webhooks webhooks;

    ReportPush(ReportPushProperties settings, DeliveryLog deliveries, ReportPayload payload, RuntimeService runtime,
            ManagementService management, MotcuaProperties motcua, Webhooks webhooks) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.payload = payload;
        this.runtime = runtime;
        this.management = management;
        this.zone = motcua.zone();
        this.webhooks = webhooks;
    }

    /** The period a push started now reports: the last one of the configured type that has ended. */
    ReportPeriod lastEndedPeriod() {
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        return ReportPeriod.containing(settings.period(), ReportPeriod.containing(settings.period(), today).from().minusDays(1));
    }

    /** The period of this kind that starts on {@code from}; refused (400) when {@code from} is not such a first day. */
    static ReportPeriod periodStarting(PeriodKind kind, LocalDate from) {
        ReportPeriod period = ReportPeriod.containing(kind, from);
        if (!period.from().equals(from)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Kỳ báo cáo bắt đầu từ ngày " + period.from() + ", không phải " + from + " / a " + kind
                            + " period starts on " + period.from() + ", not " + from), null);
        }
        return period;
    }

    /** How the period is named in the X-Motcua-Period header and the log. */
    static String label(ReportPeriod period) {
        return period.kind() + " " + period.from() + ".." + period.to();
    }

    /**
     * Creates the deliveries of one run of {@code report_push}: one per endpoint (or the one named),
     * skipping endpoints that already have the scheduled delivery of the period.
     */
    List<String> prepare(ReportPeriod period, ReportDelivery.Trigger trigger, String onlyEndpoint, String requestedBy,
            String processInstanceId) {
        if (onlyEndpoint != null && !settings.endpoints().containsKey(onlyEndpoint)) {
            throw new UnknownEndpointException(onlyEndpoint);
        }
        List<String> created = new ArrayList<>();
        settings.endpoints().forEach((name, endpoint) -> {
            if (onlyEndpoint == null || onlyEndpoint.equals(name)) {
                deliveries.create(name, period, endpoint.units(), trigger, requestedBy, processInstanceId)
                        .ifPresentOrElse(created::add,
                                () -> log.info("Report {} for {} was scheduled before: not sent again", label(period), name));
            }
        });
        return created;
    }

    /**
     * One attempt at a delivery. Throws when the receiver does not accept (no 2xx), after logging the
     * attempt, so that the engine retries. A delivery already accepted is not sent again.
     */
    void send(String deliveryId) {
        ReportDelivery delivery = deliveries.find(deliveryId)
                .orElseThrow(() -> new IllegalStateException("no report delivery " + deliveryId));
        if (delivery.status() == ReportDelivery.Status.DELIVERED) {
            return;
        }
        ReportPushProperties.Endpoint endpoint = settings.endpoints().get(delivery.endpoint());
        if (endpoint == null) {
            throw new UnknownEndpointException(delivery.endpoint());
        }
        ReportPeriod period = new ReportPeriod(delivery.periodType(), delivery.periodFrom(), delivery.periodTo());
        webhooks.post(delivery, endpoint.url(), endpoint.secret(), payload.json(period, delivery.units()),
                Map.of(WebhookSignature.PERIOD, label(period)), "Report " + label(period));
    }

    /** Sends a period again to every endpoint, or one: new deliveries, through the engine like the scheduled ones. */
    public List<ReportDelivery> resend(ReportPeriod period, String endpoint, String requestedBy) {
        if (endpoint != null && !settings.endpoints().containsKey(endpoint)) {
            throw new UnknownEndpointException(endpoint);
        }
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                ReportPushSteps.PERIOD_TYPE, period.kind().name(),
                ReportPushSteps.PERIOD_FROM, period.from().toString(),
                ReportPushSteps.REQUESTED_BY, requestedBy));
        if (endpoint != null) {
            variables.put(ReportPushSteps.ENDPOINT, endpoint);
        }
        String instance = runtime.createMessageCorrelation(RESEND_MESSAGE).setVariables(variables)
                .correlateStartMessage().getId();
        return deliveries.ofInstance(instance);
    }

    public ReportDelivery delivery(String id) {
        return deliveries.find(id).orElseThrow(() -> new DeliveryNotFoundException(id));
    }

    public List<ReportDelivery> deliveries(LocalDate from, LocalDate to, String endpoint, ReportDelivery.Status status) {
        return deliveries.search(from, to, endpoint, status, 1000);
    }

    /** Every event delivery of a dossier, in the order of its feed per endpoint. */
    public List<ReportDelivery> eventDeliveries(String dossierCode, String endpoint, ReportDelivery.Status status) {
        return deliveries.ofDossier(dossierCode, endpoint, status);
    }

    /** Event deliveries created from the start of {@code from} to the start of {@code to} (agency's zone), newest first. */
    public List<ReportDelivery> eventDeliveries(LocalDate from, LocalDate to, String endpoint, ReportDelivery.Status status) {
        return deliveries.events(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant(), endpoint, status,
                1000);
    }

    public List<String> endpoints() {
        return List.copyOf(settings.endpoints().keySet());
    }

    /**
     * The timer job was created from the cycle in force at deployment; when the configured cron cycle
     * now gives another next time, the job moves there. A job already due is left to fire (a missed
     * period is still pushed). Every node does the same, so a lost race changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void alignTimer() {
        if (!settings.cycle().contains(" ")) {
            return; // ISO-8601 repetitions count from the deployment; only cron cycles have a fixed next time
        }
        Job timer = management.createJobQuery().processDefinitionKey(PROCESS).activityId(ReportPushPlan.TIMER).timers()
                .singleResult();
        if (timer == null) {
            return;
        }
        Date now = ClockUtil.getCurrentTime();
        Date next = new CycleBusinessCalendar().resolveDuedate(settings.cycle(), now);
        if (timer.getDuedate() != null && timer.getDuedate().after(now) && !next.equals(timer.getDuedate())) {
            try {
                management.setJobDuedate(timer.getId(), next);
                log.info("Report push timer moved from {} to {} (cycle {})", timer.getDuedate(), next, settings.cycle());
            } catch (ConcurrencyFailureException | OptimisticLockingException e) {
                log.debug("Another node moved the report push timer first", e);
            }
        }
    }
}
