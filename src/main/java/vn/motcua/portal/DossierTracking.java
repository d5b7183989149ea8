package vn.motcua.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.documents.Upload;
import vn.motcua.dossier.Decision;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EventType;
import vn.motcua.evaluation.Evaluation;
import vn.motcua.evaluation.SatisfactionEvaluations;
import vn.motcua.payments.Payments;
import vn.motcua.printing.QrCodes;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * What an applicant may see and do with a dossier code and its lookup secret, behind the rate
 * limits. Pages and the tracking API both go through here.
 */
@Service
class DossierTracking {

    static final String POST_STEP = "send_by_post";

    private final DossierManagement dossiers;
    private final TrackingLimits limits;
    private final UnitDirectory units;
    private final SatisfactionEvaluations evaluations;
    private final OnlineResults results;
    private final ProcedureCatalogue catalogue;
    private final Payments payments;
    private final ApplicantNotices notices;

    DossierTracking(DossierManagement dossiers, TrackingLimits limits, UnitDirectory units,
            SatisfactionEvaluations evaluations, OnlineResults results, ProcedureCatalogue catalogue, Payments payments,
            ApplicantNotices notices) {
        this.notices = notices;
        this.payments = payments;
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.limits = limits;
        this.units = units;
        this.evaluations = evaluations;
        this.results = results;
    }

    /** The dossier, when the secret is its own; counts the attempt against the client, and a failure against the client on this code. */
    Dossier open(String client, String code, String secret) {
        String trimmed = code == null ? "" : code.strip();
        limits.attempt(client, trimmed);
        Optional<Dossier> dossier = secret == null ? Optional.empty() : dossiers.findWithSecret(trimmed, secret);
        if (dossier.isEmpty()) {
            limits.failed(client, trimmed);
            throw new TrackingNotFoundException();
        }
        return dossier.get();
    }

    /** The applicant's answer to the open supplement request, with the documents asked for. */
    Dossier supplement(Dossier dossier, String note, List<Upload> uploads) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidSupplementException();
        }
        return dossiers.receiveSupplement(dossier.code(), text, null, uploads, "applicant");
    }

    TrackingView view(Dossier dossier) {
        List<DossierEvent> sheet = dossiers.controlSheet(dossier.code());
        List<TrackingView.Step> timeline = sheet.stream()
                .filter(event -> event.type() != EventType.HANDED_OVER)
                .map(event -> new TrackingView.Step(event.occurredAt(), event.type(), event.stepName(), event.status()))
                .toList();
        boolean supplementOpen = dossier.status() == DossierStatus.AWAITING_SUPPLEMENT;
        String supplementRequest = supplementOpen ? ApplicantNotices.receptionNote(sheet, "INCOMPLETE") : null;
        Optional<Evaluation> evaluation = evaluations.find(dossier.code());
        return new TrackingView(dossier.code(), dossier.procedureKey(), dossier.procedureCode(), dossier.procedureName(),
                units.find(dossier.unitCode()).map(Unit::name).orElse(dossier.unitCode()), dossier.applicant().name(),
                dossier.status(), dossier.decision(), dossier.resultChannel(), dossier.receivedAt(),
                dossier.acceptedAt(), dossier.dueAt(), dossier.finishedAt(),
                supplementOpen, supplementRequest, supplementOpen ? notices.supplementDue(dossier) : null,
                dossier.status() == DossierStatus.REFUSED ? ApplicantNotices.receptionNote(sheet, "REFUSE") : null,
                dossier.clock().newAppointmentDate(), postTrackingNumber(sheet),
                dossier.resultChannel() == ResultChannel.ONLINE && results.latest(dossier.code()).isPresent(),
                dossier.status() == DossierStatus.RESULT_RETURNED && evaluation.isEmpty(), evaluation.orElse(null),
                timeline, catalogue.find(dossier.procedureKey(), dossier.procedureVersion())
                        .map(Procedure::documents).orElse(List.of()),
                payment(dossier));
    }

    /** The dossier's fee once it is assessed (at acceptance), with the VietQR code while it is due; null before. */
    private TrackingView.Payment payment(Dossier dossier) {
        return payments.find(dossier.code()).map(fee -> {
            String code = dossier.status().isTerminal() ? null : payments.paymentCode(fee).orElse(null);
            return new TrackingView.Payment(fee.amount(), fee.status().name(), fee.exemptionReason(), fee.payBy(),
                    fee.paidAt(), code, code == null ? null : QrCodes.paymentCodePngDataUri(code));
        }).orElse(null);
    }

    /** The number of the postal item the result went out in, as the officer who posted it recorded it. */
    private static String postTrackingNumber(List<DossierEvent> sheet) {
        return sheet.stream().filter(row -> row.type() == EventType.STEP_COMPLETED && POST_STEP.equals(row.stepId()))
                .map(DossierEvent::note).reduce((first, second) -> second).orElse(null);
    }

    /**
     * A dossier as its applicant sees it: no officers' names, no internal notes but the supplement
     * request; the document slots of its procedure version name the parts a supplement may carry.
     */
    record TrackingView(
            String code,
            String procedureKey,
            String procedureCode,
            String procedureName,
            String unitName,
            String applicantName,
            DossierStatus status,
            Decision decision,
            ResultChannel resultChannel,
            Instant receivedAt,
            Instant acceptedAt,
            Instant dueAt,
            Instant finishedAt,
            boolean supplementOpen,
            String supplementRequest,
            Instant supplementDue,
            String refusalReason,
            LocalDate newAppointment,
            String postTrackingNumber,
            boolean resultAvailable,
            boolean canEvaluate,
            Evaluation evaluation,
            List<Step> timeline,
            List<DocumentSlot> documentSlots,
            Payment payment) {

        record Step(Instant occurredAt, EventType type, String stepName, DossierStatus status) {
        }

        /**
         * @param status      DUE, PAID or NONE (free or exempt)
         * @param paymentCode the VietQR payload while the fee is due and the unit collects online
         * @param qrImage     that payload as a PNG data URI
         */
        record Payment(long amount, String status, String exemptionReason, Instant payBy, Instant paidAt,
                String paymentCode, String qrImage) {
        }
    }
}
