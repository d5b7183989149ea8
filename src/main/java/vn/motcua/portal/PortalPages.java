package vn.motcua.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.ProcedureNotFoundException;
import vn.motcua.documents.Upload;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStateException;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.evaluation.Rating;
import vn.motcua.evaluation.Satisfaction;
import vn.motcua.evaluation.SatisfactionEvaluations;
import vn.motcua.payments.FeeReceipts;
import vn.motcua.security.Citizens;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The citizen's pages: catalogue, submission, receipt, tracking. The counter desk's pages live
 * under {@code /quay/} ({@link CounterPages}), so that one security rule can protect them all.
 */
@Controller
class PortalPages {

    private final ProcedureCatalogue catalogue;
    private final UnitDirectory units;
    private final DossierTracking tracking;
    private final ReceiptPrinter receipts;
    private final SatisfactionEvaluations evaluations;
    private final OnlineResults results;
    private final ObjectMapper json;
    private final FeeReceipts feeReceipts;
    private final ApplicantNotices notices;
    private final ProcedureGuide guide;
    private final Citizens citizens;
    private final CitizenPapers papers;

    PortalPages(ProcedureCatalogue catalogue, UnitDirectory units, DossierTracking tracking, ReceiptPrinter receipts,
            SatisfactionEvaluations evaluations, OnlineResults results, ObjectMapper json, FeeReceipts feeReceipts,
            ApplicantNotices notices, ProcedureGuide guide, Citizens citizens, CitizenPapers papers) {
        this.notices = notices;
        this.guide = guide;
        this.citizens = citizens;
        this.papers = papers;
        this.feeReceipts = feeReceipts;
        this.results = results;
        this.json = json;
        this.catalogue = catalogue;
        this.units = units;
        this.tracking = tracking;
        this.receipts = receipts;
        this.evaluations = evaluations;
    }

    @GetMapping({"/", "/thu-tuc"})
    String catalogue(@RequestParam(required = false) String q, Model model) {
        return cataloguePage(q, false, model);
    }

    String cataloguePage(String q, boolean counter, Model model) {
        return cataloguePage(q, counter, procedure -> true, model);
    }

    /** The catalogue with only the procedures {@code shown} lets through (the desk: those its officer serves). */
    String cataloguePage(String q, boolean counter, Predicate<Procedure> shown, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("procedures", catalogue.search(q).stream().filter(shown).toList());
        model.addAttribute("counter", counter);
        return "portal/catalogue";
    }

    @GetMapping("/thu-tuc/{key}")
    String procedure(@PathVariable String key, Model model) {
        model.addAttribute("guide", guide.of(catalogue.get(key)));
        return "portal/procedure";
    }

    /** A browser asking for a procedure that is not deployed gets a page saying so, not a problem body. */
    @ExceptionHandler(ProcedureNotFoundException.class)
    String procedureNotFound(ProcedureNotFoundException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("languagePath", "/thu-tuc");
        return "portal/procedure-not-found";
    }

    @GetMapping("/thu-tuc/{key}/nop-ho-so")
    String submission(@PathVariable String key, Model model) throws JsonProcessingException {
        Procedure procedure = catalogue.get(key);
        // A logged-in citizen is not asked again for what the state already holds.
        Optional<Citizens.CitizenProfile> citizen = citizens.current();
        if (citizen.isPresent()) {
            model.addAttribute("prefill", json.writeValueAsString(CitizenPapers.prefill(citizen.get())));
            model.addAttribute("reusable", papers.reusableFor(procedure, citizen.get()));
        }
        return submissionPage(procedure, List.of(Channel.ONLINE), "/ho-so/bien-nhan", unit -> true, false, model);
    }

    /**
     * The submission form offering the units of the procedure's level that {@code offered} lets through; at the
     * {@code desk}, an officer enters it, and ONLINE means a citizen's online submission the officer assists.
     */
    String submissionPage(Procedure procedure, List<Channel> channels, String receiptAction, Predicate<Unit> offered,
            boolean desk, Model model) {
        model.addAttribute("procedure", procedure);
        model.addAttribute("units", units.open().stream()
                .filter(unit -> procedure.routing().receivesAt(unit.code(), unit.level()) && offered.test(unit)).toList());
        model.addAttribute("channels", channels);
        model.addAttribute("receiptAction", receiptAction);
        model.addAttribute("counter", desk);
        return "portal/submission";
    }

    @PostMapping("/ho-so/bien-nhan")
    String receipt(@RequestParam String code, @RequestParam String secret, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return receiptPage(code, secret, false, request, response, model);
    }

    String receiptPage(String code, String secret, boolean counter, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Dossier dossier;
        try {
            dossier = tracking.open(request.getRemoteAddr(), code, secret);
        } catch (TrackingNotFoundException | TooManyAttemptsException e) {
            return lookupFailed(code, e, response, model);
        }
        model.addAttribute("view", tracking.view(dossier));
        model.addAttribute("documents", receipts.received(dossier));
        model.addAttribute("secret", secret);
        model.addAttribute("counter", counter);
        return "portal/receipt";
    }

    @GetMapping("/tra-cuu")
    String lookup(@RequestParam(name = "ma", required = false) String code, Model model) {
        model.addAttribute("code", code);
        return "portal/lookup";
    }

    @PostMapping("/tra-cuu")
    String track(@RequestParam String code, @RequestParam String secret, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            return trackingPage(tracking.open(request.getRemoteAddr(), code, secret), secret, model);
        } catch (TrackingNotFoundException | TooManyAttemptsException e) {
            return lookupFailed(code, e, response, model);
        }
    }

    @PostMapping("/tra-cuu/giay-tiep-nhan")
    ResponseEntity<byte[]> receiptPdf(@RequestParam String code, @RequestParam String secret,
            HttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), code, secret);
        return TrackingController.pdf("giay-tiep-nhan-" + dossier.code() + ".pdf",
                receipts.print(dossier, secret));
    }

    @PostMapping("/tra-cuu/phieu-bo-sung")
    ResponseEntity<byte[]> supplementRequest(@RequestParam String code, @RequestParam String secret,
            HttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), code, secret);
        if (dossier.status() != DossierStatus.AWAITING_SUPPLEMENT) {
            throw new DossierStateException(dossier.code(), dossier.status(), "print the supplement request");
        }
        return TrackingController.pdf(ApplicantNotices.supplementRequestFileName(dossier),
                notices.printSupplementRequest(dossier));
    }

    @PostMapping("/tra-cuu/phieu-tu-choi")
    ResponseEntity<byte[]> refusal(@RequestParam String code, @RequestParam String secret, HttpServletRequest request) {
        Dossier dossier = tracking.open(request.getRemoteAddr(), code, secret);
        if (dossier.status() != DossierStatus.REFUSED) {
            throw new DossierStateException(dossier.code(), dossier.status(), "print the refusal notice");
        }
        return TrackingController.pdf(ApplicantNotices.refusalFileName(dossier), notices.printRefusal(dossier));
    }

    @PostMapping("/tra-cuu/bo-sung")
    String supplement(@RequestParam String code, @RequestParam String secret, @RequestParam String note,
            MultipartHttpServletRequest request, HttpServletResponse response, Model model) {
        return act(code, secret, request, response, model, "tracking.supplement.received",
                dossier -> tracking.supplement(dossier, note, chosenFiles(request)));
    }

    @PostMapping("/tra-cuu/bien-lai-phi")
    ResponseEntity<byte[]> feeReceipt(@RequestParam String code, @RequestParam String secret, HttpServletRequest request) {
        return TrackingController.feeReceipt(tracking.open(request.getRemoteAddr(), code, secret), feeReceipts);
    }

    @PostMapping("/tra-cuu/ket-qua")
    ResponseEntity<byte[]> result(@RequestParam String code, @RequestParam String secret, HttpServletRequest request) {
        return TrackingController.result(tracking.open(request.getRemoteAddr(), code, secret), results);
    }

    /** The files chosen in the form's upload controls, by control name (the slot id); unused controls send none. */
    static List<Upload> chosenFiles(MultipartHttpServletRequest request) {
        return request.getMultiFileMap().entrySet().stream()
                .flatMap(part -> part.getValue().stream()
                        .filter(file -> file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
                        .map(file -> new Upload(part.getKey(), file.getOriginalFilename(), file)))
                .toList();
    }

    @PostMapping("/tra-cuu/danh-gia")
    String evaluate(@RequestParam String code, @RequestParam String secret, @RequestParam Satisfaction overall,
            @RequestParam Satisfaction timeliness, @RequestParam Satisfaction staffAttitude,
            @RequestParam Satisfaction informationClarity, @RequestParam int contactsNeeded,
            @RequestParam(required = false) String comment, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Rating rating = new Rating(overall, timeliness, staffAttitude, informationClarity,
                Math.max(1, Math.min(20, contactsNeeded)), blankToNull(comment));
        return act(code, secret, request, response, model, "tracking.evaluation.thanks", dossier -> {
            evaluations.record(dossier, rating);
            return dossier;
        });
    }

    /**
     * Opens the dossier with its secret, does what the applicant asked and shows the tracking page
     * again, with a notice or with the reason it was refused.
     */
    private String act(String code, String secret, HttpServletRequest request, HttpServletResponse response,
            Model model, String notice, UnaryOperator<Dossier> action) {
        Dossier dossier;
        try {
            dossier = tracking.open(request.getRemoteAddr(), code, secret);
        } catch (TrackingNotFoundException | TooManyAttemptsException e) {
            return lookupFailed(code, e, response, model);
        }
        try {
            dossier = action.apply(dossier);
            model.addAttribute("notice", notice);
        } catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("error", e.getBody().getDetail());
            model.addAttribute("violations", violationMessages(e));
        }
        return trackingPage(dossier, secret, model);
    }

    String trackingPage(Dossier dossier, String secret, Model model) {
        model.addAttribute("view", tracking.view(dossier));
        model.addAttribute("secret", secret);
        model.addAttribute("satisfactions", Satisfaction.values());
        return "portal/tracking";
    }

    private static String lookupFailed(String code, ErrorResponseException e, HttpServletResponse response,
            Model model) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("code", code);
        model.addAttribute("error", e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()
                ? "tracking.error.tooMany" : "tracking.error.notFound");
        return "portal/lookup";
    }

    // The broken rules a problem lists (form fields and documents alike), as the API shows them.
    private List<String> violationMessages(ErrorResponseException e) {
        Object violations = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("violations");
        if (violations == null) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        json.valueToTree(violations).forEach(violation -> messages.add(violation.path("message").asText()));
        return messages;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
