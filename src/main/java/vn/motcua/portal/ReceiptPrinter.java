package vn.motcua.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.Purpose;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Letterhead;
import vn.motcua.payments.Fees;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.printing.QrCodes;

/**
 * The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả). It is a legal
 * document, printed in Vietnamese whatever the page language; its QR code opens the tracking page.
 */
@Component
class ReceiptPrinter {

    private final DocumentPrinter printer;
    private final Letterhead letterhead;
    private final PortalProperties portal;
    private final DossierDocuments documents;
    private final ProcedureCatalogue catalogue;
    private final Fees fees;

    ReceiptPrinter(DocumentPrinter printer, Letterhead letterhead, PortalProperties portal, DossierDocuments documents,
            ProcedureCatalogue catalogue, Fees fees) {
        this.fees = fees;
        this.printer = printer;
        this.letterhead = letterhead;
        this.portal = portal;
        this.documents = documents;
        this.catalogue = catalogue;
    }

    static boolean isAcknowledgment(Dossier dossier) {
        return dossier.acceptedAt() == null
                && !(dossier.channel() == Channel.COUNTER && dossier.status() == DossierStatus.SUBMITTED);
    }

    /** A document the applicant handed in, as the receipt lists it. */
    record ReceivedDocument(String label, String fileName) {
    }

    /**
     * The receipt with its appointment once reception accepted the dossier (a counter dossier is accepted
     * while its applicant waits: its receipt comes at once); before that, and after a refusal, the same
     * paper as an acknowledgment with the dossier's standing and no appointment.
     *
     * @param secret the lookup secret, printed when given (it is known only at submission)
     */
    byte[] print(Dossier dossier, String secret) {
        Map<String, Object> model = letterhead.model(dossier, dossier.receivedAt());
        model.put("acknowledgment", isAcknowledgment(dossier));
        model.put("code", dossier.code());
        model.put("applicant", dossier.applicant());
        model.put("procedureName", dossier.procedureName());
        model.put("procedureCode", dossier.procedureCode());
        model.put("channel", channel(dossier.channel()));
        model.put("documents", received(dossier));
        model.put("deadlineDays", dossier.deadlineDays());
        // The appointment is the dossier's due date as of its acceptance (docs/sla.md).
        model.put("appointment", letterhead.timeAndDate(dossier.dueAt()));
        model.put("resultChannel", resultChannel(dossier.resultChannel()));
        // The fee as the procedure version works it out from the submitted values (fixed + table - exemption).
        model.put("fee", catalogue.find(dossier.procedureKey(), dossier.procedureVersion()).filter(Procedure::feeBearing)
                .map(procedure -> fees.quote(procedure, dossier.formData())).orElse(null));
        model.put("secret", secret);
        model.put("trackingPage", portal.publicUrl().toString().replaceAll("/+$", "") + "/tra-cuu");
        model.put("qrCode", QrCodes.pngDataUri(secret == null ? portal.trackingLink(dossier.code())
                : portal.trackingLink(dossier.code(), secret)));
        return printer.print("receipt", model, Letterhead.VIETNAMESE);
    }

    /** What the applicant handed in (with the submission and with supplements), named as the procedure names its slots. */
    List<ReceivedDocument> received(Dossier dossier) {
        Optional<Procedure> procedure = catalogue.find(dossier.procedureKey(), dossier.procedureVersion());
        return documents.list(dossier.code()).stream()
                .filter(document -> document.purpose() != Purpose.RESULT)
                .map(document -> new ReceivedDocument(procedure.flatMap(p -> p.document(document.slot()))
                        .map(DocumentSlot::name).orElse(document.slot()), document.name()))
                .toList();
    }

    static String channel(Channel channel) {
        return switch (channel) {
            case ONLINE -> "Trực tuyến";
            case COUNTER -> "Trực tiếp tại bộ phận một cửa";
            case POST -> "Qua dịch vụ bưu chính công ích";
        };
    }

    static String resultChannel(ResultChannel channel) {
        return switch (channel) {
            case ONLINE -> "Trực tuyến (tải về trên trang tra cứu)";
            case COUNTER -> "Trực tiếp tại bộ phận một cửa";
            case POST -> "Qua dịch vụ bưu chính công ích";
        };
    }
}
