package vn.motcua.portal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.ResultChannel;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The receipt-and-appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả). It is a legal
 * document, printed in Vietnamese whatever the page language; its QR code opens the tracking page.
 */
@Component
class ReceiptPrinter {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final DocumentPrinter printer;
    private final UnitDirectory units;
    private final PortalProperties portal;
    private final MotcuaProperties settings;

    ReceiptPrinter(DocumentPrinter printer, UnitDirectory units, PortalProperties portal, MotcuaProperties settings) {
        this.printer = printer;
        this.units = units;
        this.portal = portal;
        this.settings = settings;
    }

    /** A document the applicant handed in, as the receipt lists it. */
    record ReceivedDocument(String label, String fileName) {
    }

    byte[] print(Dossier dossier, String secret, List<ReceivedDocument> documents) {
        String unitName = units.find(dossier.unitCode()).map(Unit::name).orElse(dossier.unitCode());
        Map<String, Object> model = new HashMap<>();
        model.put("issuer", unitName.toUpperCase(VIETNAMESE));
        model.put("placeAndDate", capitalized(VietnameseDates.longDate(LocalDate.ofInstant(dossier.receivedAt(), settings.zone()))));
        model.put("unitName", unitName);
        model.put("code", dossier.code());
        model.put("applicant", dossier.applicant());
        model.put("procedureName", dossier.procedureName());
        model.put("procedureCode", dossier.procedureCode());
        model.put("receivedAt", VietnameseDates.timeAndDate(dossier.receivedAt(), settings.zone()));
        model.put("channel", channel(dossier.channel()));
        model.put("documents", documents);
        model.put("deadlineDays", dossier.deadlineDays());
        // The appointment is the dossier's due date, set once reception accepts it.
        model.put("appointment", dossier.dueAt() == null ? null
                : VietnameseDates.timeAndDate(dossier.dueAt(), settings.zone()));
        model.put("resultChannel", resultChannel(dossier.resultChannel()));
        model.put("secret", secret);
        model.put("trackingPage", portal.publicUrl().toString().replaceAll("/+$", "") + "/tra-cuu");
        model.put("qrCode", QrCodes.pngDataUri(portal.trackingLink(dossier.code(), secret)));
        return printer.print("receipt", model, VIETNAMESE);
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

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
