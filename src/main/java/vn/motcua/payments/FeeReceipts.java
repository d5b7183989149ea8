package vn.motcua.payments;

import java.text.NumberFormat;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.dossier.Letterhead;
import vn.motcua.printing.DocumentPrinter;
import vn.motcua.printing.PdfSignatures;
import vn.motcua.printing.QrCodes;
import vn.motcua.printing.VietnameseNumbers;

/**
 * The electronic fee receipt (biên lai thu phí, lệ phí điện tử) once the fee is paid, signed by the collecting unit
 * (PAdES, {@link PdfSignatures}); before that the same page is the payment notice with the VietQR code
 * (printing/templates/fee-receipt.xhtml), which is no receipt and carries no signature.
 */
@Component
public class FeeReceipts {

    private final Payments payments;
    private final DossierManagement dossiers;
    private final DocumentPrinter printer;
    private final Letterhead letterhead;
    private final PdfSignatures signatures;
    private final MessageSource messages;

    FeeReceipts(Payments payments, DossierManagement dossiers, DocumentPrinter printer, Letterhead letterhead,
            PdfSignatures signatures, MessageSource messages) {
        this.payments = payments;
        this.dossiers = dossiers;
        this.printer = printer;
        this.letterhead = letterhead;
        this.signatures = signatures;
        this.messages = messages;
    }

    public static String fileName(String dossierCode) {
        return "bien-lai-phi-" + dossierCode + ".pdf";
    }

    /** The dossier's fee receipt (or payment notice) as PDF. */
    public byte[] print(String dossierCode) {
        Dossier dossier = dossiers.get(dossierCode);
        Fee fee = payments.assess(dossierCode);
        boolean paid = fee.status() == Fee.Status.PAID;
        Map<String, Object> model = letterhead.model(dossier, paid ? fee.paidAt() : Payments.now());
        model.put("paid", paid);
        model.put("number", "BL-" + dossierCode);
        model.put("applicantName", dossier.applicant().name());
        model.put("applicantAddress", dossier.applicant().address());
        model.put("dossierCode", dossierCode);
        model.put("procedureName", dossier.procedureName());
        model.put("procedureCode", dossier.procedureCode());
        model.put("exemptionReason", fee.exemptionReason());
        long amount = paid ? fee.paidAmount() : fee.amount();
        model.put("amount", NumberFormat.getIntegerInstance(DocumentPrinter.VIETNAMESE).format(amount));
        model.put("amountInWords", VietnameseNumbers.dong(amount));
        model.put("paidBy", Payments.CASH.equals(fee.paidBy()) ? "Tiền mặt tại bộ phận một cửa" : "Chuyển khoản");
        model.put("paidAt", paid ? letterhead.timeAndDate(fee.paidAt()) : null);
        model.put("payBy", fee.payBy() == null ? null : letterhead.timeAndDate(fee.payBy()));
        String code = payments.paymentCode(fee).orElse(null);
        model.put("qrCode", code == null ? null : QrCodes.paymentCodePngDataUri(code));
        payments.account(fee.unitCode()).ifPresent(account -> {
            model.put("accountNumber", account.number());
            model.put("accountName", account.name());
        });
        byte[] pdf = printer.print("fee-receipt", model, DocumentPrinter.VIETNAMESE);
        if (!paid) {
            return pdf;
        }
        // Signed as of the payment, the receipt's own date, whenever it is downloaded.
        return signatures.sign(pdf, fee.unitCode(), messages.getMessage("payments.receipt.signature",
                new Object[] {model.get("number")}, DocumentPrinter.VIETNAMESE), fee.paidAt());
    }
}
