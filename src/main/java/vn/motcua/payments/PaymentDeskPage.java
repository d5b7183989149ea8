package vn.motcua.payments;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.MotcuaProperties;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The reception desk's payments page: the unit's payment exceptions to settle (partial, overpaid,
 * duplicate, unknown, for a closed dossier) and cash handed over at the counter. The same rules as
 * the payments API; a refusal re-renders the page with its 4xx status and the reason.
 */
@Controller
@RequestMapping("/quay/thanh-toan")
class PaymentDeskPage {

    private final PaymentExceptions exceptions;
    private final Payments payments;
    private final DossierManagement dossiers;
    private final UnitAccess access;
    private final UnitDirectory units;
    private final MotcuaProperties settings;

    PaymentDeskPage(PaymentExceptions exceptions, Payments payments, DossierManagement dossiers, UnitAccess access,
            UnitDirectory units, MotcuaProperties settings) {
        this.exceptions = exceptions;
        this.payments = payments;
        this.dossiers = dossiers;
        this.access = access;
        this.units = units;
        this.settings = settings;
    }

    @GetMapping
    String desk(@RequestParam(required = false) String unit, Model model) {
        return page(unit, model);
    }

    @PostMapping("/tien-mat")
    String cash(@RequestParam String code, @RequestParam String amount, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        String unit = UnitAccess.unitOfDossier(code.strip());
        try {
            // The code names its unit: the desk is checked before the dossier is looked up, so an officer
            // cannot learn which codes of another unit exist.
            if (unit == null) {
                throw badRequest("Mã hồ sơ không đúng dạng / " + code.strip() + " is no dossier code");
            }
            Officer officer = access.checkReceivesFor(unit);
            long vnd = parseAmount(amount);
            Fee fee = payments.payCash(dossiers.get(code.strip()).code(), vnd, officer.id());
            redirect.addFlashAttribute("done", fee.dossierCode());
            return "redirect:/quay/thanh-toan?unit=" + fee.unitCode();
        } catch (ErrorResponseException refused) {
            return refused(refused, unit, model, response);
        }
    }

    @PostMapping("/{id}/xu-ly")
    String resolve(@PathVariable long id, @RequestParam String note, @RequestParam(required = false) String unit,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        try {
            if (note.isBlank() || note.length() > 1000) {
                throw badRequest("Cần ghi cách đã xử lý, tối đa 1000 ký tự / Say what was done, at most 1000 characters");
            }
            PaymentException resolved = exceptions.resolve(id, note);
            redirect.addFlashAttribute("resolved", resolved.id());
            return "redirect:/quay/thanh-toan" + (resolved.unitCode() == null ? "" : "?unit=" + resolved.unitCode());
        } catch (ErrorResponseException refused) {
            return refused(refused, unit, model, response);
        }
    }

    private String refused(ErrorResponseException refused, String unit, Model model, HttpServletResponse response) {
        response.setStatus(refused.getStatusCode().value());
        String detail = refused.getBody().getDetail();
        model.addAttribute("error", detail != null ? detail : refused.getStatusCode().toString());
        return page(unit, model);
    }

    private String page(String unit, Model model) {
        Officer officer = access.current().orElseThrow(() -> new ErrorResponseException(HttpStatus.UNAUTHORIZED));
        List<Unit> desks = units.all().stream().filter(u -> officer.receivesFor(u.code())).toList();
        String shown = desks.stream().map(Unit::code).filter(code -> code.equals(unit)).findFirst()
                .orElse(desks.isEmpty() ? null : desks.get(0).code());
        model.addAttribute("languagePath", "/quay/thanh-toan");
        model.addAttribute("officerName", officer.id());
        model.addAttribute("units", desks);
        model.addAttribute("unit", shown);
        model.addAttribute("zone", settings.zone());
        model.addAttribute("exceptions", shown == null ? List.of() : exceptions.open(shown));
        return "payments/desk";
    }

    private static long parseAmount(String amount) {
        try {
            long vnd = Long.parseLong(amount.replace(".", "").replace(",", "").strip());
            if (vnd > 0) {
                return vnd;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other amount that is no whole number of dong
        }
        throw badRequest("Số tiền phải là số đồng nguyên dương / The amount must be a whole number of dong");
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
