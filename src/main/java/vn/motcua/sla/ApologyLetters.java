package vn.motcua.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.MotcuaProperties;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.Letterhead;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.printing.VietnameseDates;

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả: issued by the head of unit with a reason and a new
 * appointment date, printed to PDF, kept, sent to the applicant. The dossier keeps its due date and
 * still counts as late.
 */
@Service
@Transactional
class ApologyLetters {

    private final ApologyLetterRepository letters;
    private final DossierManagement dossiers;
    private final Letterhead letterhead;
    private final DocumentPrinter printer;
    private final SlaNotices notices;
    private final MotcuaProperties settings;

    ApologyLetters(ApologyLetterRepository letters, DossierManagement dossiers, Letterhead letterhead,
            DocumentPrinter printer, SlaNotices notices, MotcuaProperties settings) {
        this.letters = letters;
        this.dossiers = dossiers;
        this.letterhead = letterhead;
        this.printer = printer;
        this.notices = notices;
        this.settings = settings;
    }

    /** Issues the next letter of the dossier; returns its number. */
    int issue(String code, String reason, LocalDate newAppointmentDate, String issuedBy) {
        Dossier dossier = dossiers.get(code);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        int number = letters.nextNumber(dossier.id());
        Map<String, Object> model = letterhead.model(dossier, now);
        model.put("number", number);
        model.put("dossierCode", dossier.code());
        model.put("applicantName", dossier.applicant().name());
        model.put("receivedOn", capitalised(VietnameseDates.longDate(LocalDate.ofInstant(dossier.receivedAt(), settings.zone()))));
        model.put("procedureName", dossier.procedureName());
        Instant promised = dossier.clock().originalDueAt() != null ? dossier.clock().originalDueAt() : dossier.dueAt();
        model.put("originalDueAt", notices.local(promised));
        model.put("reason", reason);
        model.put("newAppointmentDate", VietnameseDates.longDate(newAppointmentDate));
        model.put("issuedBy", issuedBy == null ? "" : issuedBy);
        byte[] pdf = printer.print("apology-letter", model, Letterhead.VIETNAMESE);

        letters.insert(dossier.id(), new ApologyLetter(number, reason, newAppointmentDate, now, issuedBy), pdf);
        dossiers.apologyIssued(code, number, newAppointmentDate, reason, issuedBy);
        notices.sendApologyLetter(dossier, number, model, pdf);
        return number;
    }

    @Transactional(readOnly = true)
    List<ApologyLetter> list(String code) {
        return letters.list(dossiers.get(code).id());
    }

    @Transactional(readOnly = true)
    Optional<byte[]> pdf(String code, int number) {
        return letters.pdf(dossiers.get(code).id(), number);
    }

    static String fileName(String code, int number) {
        return "phieu-xin-loi-" + code + "-" + number + ".pdf";
    }


    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
