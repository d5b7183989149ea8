package vn.motcua.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import vn.motcua.MotcuaProperties;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "Who did what to which dossier and when; for the head of the unit")
class AuditController {

    static final String CSV = "text/csv";

    private final AuditTrail trail;
    private final UnitAccess access;
    private final MotcuaProperties settings;

    AuditController(AuditTrail trail, UnitAccess access, MotcuaProperties settings) {
        this.trail = trail;
        this.access = access;
        this.settings = settings;
    }

    @GetMapping(params = "dossier", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "The audit trail of a dossier, oldest first (JSON, or CSV with Accept: text/csv)")
    ResponseEntity<?> ofDossier(@RequestParam @Pattern(regexp = UnitAccess.DOSSIER_CODE) String dossier,
            HttpServletRequest request) {
        String unit = UnitAccess.unitOfDossier(dossier);
        Officer head = access.checkHeads(unit);
        return answer(trail.ofDossier(dossier), head, unit, "dossier " + dossier, "audit-" + dossier, request);
    }

    @GetMapping(params = "unit", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    @Operation(summary = "The audit trail of a unit between two days of the agency's calendar (at most "
            + AuditTrail.MAX_ROWS + " rows; JSON, or CSV with Accept: text/csv)")
    ResponseEntity<?> ofUnit(@RequestParam @Pattern(regexp = UnitAccess.UNIT_CODE) String unit, @RequestParam LocalDate from,
            @RequestParam LocalDate to, HttpServletRequest request) {
        Officer head = access.checkHeads(unit);
        if (to.isBefore(from)) {
            throw new InvalidPeriodException(from, to);
        }
        Instant start = from.atStartOfDay(settings.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        return answer(trail.ofUnit(unit, start, end), head, unit, "unit " + unit + " " + from + ".." + to,
                "audit-" + unit + "-" + from + "-" + to, request);
    }

    private ResponseEntity<?> answer(List<AuditEntry> entries, Officer head, String unit, String what, String fileName,
            HttpServletRequest request) {
        if (!wantsCsv(request)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(entries);
        }
        trail.record(head.id(), AuditAction.EXPORTED, null, unit, "audit trail", what, request.getRemoteAddr());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
                .body(AuditCsv.of(entries));
    }

    private static boolean wantsCsv(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(CSV);
    }
}
