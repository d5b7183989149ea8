package vn.motcua.reportpush;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.dossier.ControlSheetAppended;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.evaluation.DossierRated;
import vn.motcua.unit.UnitDirectory;

/**
 * The dossier event feed (docs/reporting-push.md, "The dossier event feed"): each dossier's transactions
 * written as events in the transaction of the step (the outbox, {@link FeedOutbox}), one delivery per event
 * and endpoint in the delivery log, sent by the engine jobs of {@code dossier_feed}. Order: of a dossier's
 * deliveries to one endpoint at most one has a job and is not yet accepted; the job that gets its event
 * accepted starts the next one's. Both sides decide under the lock of the dossier's feed row.
 */
@Service
class DossierFeed {

    static final String PROCESS = "dossier_feed";
    /** The variable of a {@code dossier_feed} instance: the delivery its job sends. */
    static final String DELIVERY = "deliveryId";

    /**
     * The business key of a dossier's {@code dossier_feed} instances (Cockpit finds them by it). Not the dossier
     * code itself: that names the dossier's lifecycle instance, which the engine REST API and our code look up by it.
     */
    static String businessKey(String dossierCode) {
        return "dossier-feed:" + dossierCode;
    }

    private final ReportPushProperties settings;
    private final FeedOutbox outbox;
    private final DeliveryLog deliveries;
    private final Webhooks webhooks;
    private final UnitDirectory units;
    private final DossierManagement dossiers;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ObjectMapper json;

    DossierFeed(ReportPushProperties settings, FeedOutbox outbox, DeliveryLog deliveries, Webhooks webhooks,
            UnitDirectory units, DossierManagement dossiers, RuntimeService runtime, ManagementService management,
            ObjectMapper json) {
        this.settings = settings;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.units = units;
        this.dossiers = dossiers;
        this.runtime = runtime;
        this.management = management;
        this.json = json;
    }

    /** Synchronous, in the step's transaction: the event commits with the step or not at all. */
    @EventListener
    void on(ControlSheetAppended appended) {
        Dossier dossier = appended.dossier();
        DossierEvent row = appended.row();
        String unitNow = outbox.peek(dossier.code()).map(FeedOutbox.State::currentUnit).orElse(dossier.unitCode());
        if (FeedFact.of(row, dossier, unitNow, this::isUnit).isEmpty()) {
            return; // most rows (steps, deadlines, payments) are not transactions: no lock taken for them
        }
        FeedOutbox.State state = outbox.open(dossier.code(), dossier.unitCode());
        FeedFact.of(row, dossier, state.currentUnit(), this::isUnit)
                .ifPresent(fact -> append(state, dossier, fact, row.occurredAt(), row.status()));
    }

    @EventListener
    void on(DossierRated rated) {
        Dossier dossier = dossiers.get(rated.evaluation().dossierCode());
        FeedOutbox.State state = outbox.open(dossier.code(), dossier.unitCode());
        append(state, dossier, FeedFact.rated(rated.evaluation(), state.currentUnit()), rated.evaluation().submittedAt(),
                dossier.status());
    }

    private void append(FeedOutbox.State state, Dossier dossier, FeedFact fact, Instant occurredAt, DossierStatus status) {
        String eventId = UUID.randomUUID().toString();
        byte[] payload = DossierEventPayload.json(json, eventId, state.lastSequence() + 1, fact, occurredAt, dossier, status);
        outbox.append(state, eventId, fact.type(), occurredAt, payload, fact.unit());
        Set<String> visited = new LinkedHashSet<>(state.units());
        visited.add(fact.unit());
        settings.endpoints().forEach((name, endpoint) -> {
            if (endpoint.feeds(visited)) {
                // Every event the endpoint has not had yet, in order: its first, or the earlier ones of a
                // dossier that has just come into its units (or of an endpoint configured since).
                for (Map.Entry<String, Integer> event : deliveries.eventsNotYetFor(dossier.code(), name)) {
                    deliveries.createEvent(name, event.getKey(), dossier.code(), event.getValue(),
                            ReportDelivery.Trigger.EVENT, null);
                }
                dispatchNext(dossier.code(), name);
            }
        });
    }

    /** Starts the job of the endpoint's next event of the dossier, unless one is on its way (the caller holds the lock). */
    private void dispatchNext(String dossierCode, String endpoint) {
        if (!deliveries.eventInFlight(dossierCode, endpoint)) {
            deliveries.nextEventToDispatch(dossierCode, endpoint).ifPresent(id -> dispatch(id, dossierCode));
        }
    }

    private void dispatch(String deliveryId, String dossierCode) {
        String instance = runtime.startProcessInstanceByKey(PROCESS, businessKey(dossierCode), Map.of(DELIVERY, deliveryId))
                .getId();
        deliveries.dispatched(deliveryId, instance);
    }

    /**
     * The job of {@code send_dossier_event}: sends the delivery (unless it was accepted already: a retry
     * after a crash between the answer and the commit), then starts the dossier's next event to the endpoint.
     */
    void send(String deliveryId) {
        ReportDelivery delivery = deliveries.find(deliveryId)
                .orElseThrow(() -> new IllegalStateException("no event delivery " + deliveryId));
        ReportDelivery.FeedEvent event = delivery.event();
        if (delivery.status() != ReportDelivery.Status.DELIVERED) {
            ReportPushProperties.Endpoint endpoint = settings.endpoints().get(delivery.endpoint());
            if (endpoint == null || endpoint.feedUrl() == null) {
                throw new UnknownEndpointException(delivery.endpoint());
            }
            webhooks.post(delivery, endpoint.feedUrl(), endpoint.secret(), outbox.payload(event.id()), Map.of(
                    WebhookSignature.EVENT, event.id(),
                    WebhookSignature.DOSSIER, event.dossierCode(),
                    WebhookSignature.SEQUENCE, String.valueOf(event.sequence())),
                    "Event " + event.sequence() + " (" + event.type() + ") of " + event.dossierCode());
        }
        if (delivery.trigger() == ReportDelivery.Trigger.EVENT) {
            outbox.lock(event.dossierCode());
            dispatchNext(event.dossierCode(), delivery.endpoint());
        }
    }

    /**
     * Sends an event delivery again. Not yet accepted: its job runs again now (an incident is resolved), or
     * gets a new job when its own is gone. Accepted (or a re-send): a new delivery of the same event (same
     * event id, new delivery id), outside the order. One that waits for an earlier event is refused (409).
     */
    List<ReportDelivery> resend(ReportDelivery delivery, String requestedBy) {
        ReportDelivery.FeedEvent event = delivery.event();
        if (delivery.status() != ReportDelivery.Status.DELIVERED && delivery.trigger() == ReportDelivery.Trigger.EVENT) {
            if (delivery.dispatchedAt() == null) {
                throw new DeliveryWaitingException(delivery.id(), event.sequence());
            }
            Optional<Job> job = Optional.ofNullable(deliveries.processInstanceOf(delivery.id()))
                    .map(instance -> management.createJobQuery().processInstanceId(instance).singleResult());
            if (job.isPresent()) {
                management.setJobRetries(job.get().getId(), Math.max(1, job.get().getRetries()));
                management.setJobDuedate(job.get().getId(), null); // due now, whatever the engine's clock says
            } else {
                outbox.lock(event.dossierCode());
                dispatch(delivery.id(), event.dossierCode());
            }
            return List.of(deliveries.find(delivery.id()).orElseThrow());
        }
        if (!settings.endpoints().containsKey(delivery.endpoint())) {
            throw new UnknownEndpointException(delivery.endpoint());
        }
        String id = deliveries.createEvent(delivery.endpoint(), event.id(), event.dossierCode(), event.sequence(),
                ReportDelivery.Trigger.RESEND, requestedBy);
        dispatch(id, event.dossierCode());
        return new ArrayList<>(List.of(deliveries.find(id).orElseThrow()));
    }

    private boolean isUnit(String code) {
        return units.find(code).isPresent();
    }
}
