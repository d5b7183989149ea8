package vn.motcua.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.springdoc.core.annotations.ParameterObject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.motcua.MotcuaProperties;
import vn.motcua.audit.AuditAction;
import vn.motcua.audit.AuditTrail;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;

@RestController
@Validated
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Supervision reports (form II.06a, rankings, fees collected, overdue dossiers) for heads of unit"
        + " and supervisors; JSON, or CSV / XLSX with ?format= or the Accept header")
class ReportController {

    static final String TEXT_CSV = "text/csv";
    static final String SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PERIOD_DOC = "day, month, quarter, year (the one containing 'date', default today)"
            + " or custom ('from' and 'to', at most " + ReportPeriod.MAX_DAYS + " days)";

    private final SupervisionReports reports;
    private final UnitAccess access;
    private final AuditTrail audit;
    private final MotcuaProperties settings;

    ReportController(SupervisionReports reports, UnitAccess access, AuditTrail audit, MotcuaProperties settings) {
        this.reports = reports;
        this.access = access;
        this.audit = audit;
        this.settings = settings;
    }

    @GetMapping(value = "/ii06a", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV, SPREADSHEET})
    @Operation(summary = "Form II.06a: received, resolved, in progress, awaiting supplement, withdrawn and refused"
            + " dossiers per unit and procedure over a period (docs/reports.md)")
    ResponseEntity<?> ii06a(@ParameterObject PeriodQuery when,
            @Parameter(description = "one unit; every unit the reader may see when left out")
            @RequestParam(required = false) @Pattern(regexp = UnitAccess.UNIT_CODE) String unit,
            @Parameter(description = "one procedure (its key); every procedure when left out")
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String procedure,
            @Parameter(description = "json (default), csv or xlsx") @RequestParam(required = false) String format,
            HttpServletRequest request) {
        Format answer = Format.of(format, request);
        ReportPeriod reportPeriod = period(when);
        Officer officer = reader(unit);
        Ii06aReport report = reports.ii06a(reportPeriod, unit, procedure, readable(officer, unit));
        String name = "bao-cao-II.06a-" + (unit == null ? "tat-ca" : unit) + (procedure == null ? "" : "-" + procedure)
                + "-" + reportPeriod.from() + "-" + reportPeriod.to();
        return respond(answer, report, List.of(ReportTables.ii06a(report)), name, officer, unit, "report II.06a", request);
    }

    @GetMapping(value = "/rankings", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV, SPREADSHEET})
    @Operation(summary = "Units ranked by on-time rate, online-submission rate and satisfaction; the procedures with"
            + " the most late dossiers")
    ResponseEntity<?> rankings(@ParameterObject PeriodQuery when,
            @Parameter(description = "how many procedures with late dossiers to list")
            @RequestParam(defaultValue = "" + SupervisionReports.DEFAULT_LATE_PROCEDURES) @Min(1) @Max(100) int limit,
            @RequestParam(required = false) String format, HttpServletRequest request) {
        Format answer = Format.of(format, request);
        ReportPeriod reportPeriod = period(when);
        Officer officer = reader(null);
        Rankings rankings = reports.rankings(reportPeriod, limit, readable(officer, null));
        return respond(answer, rankings, ReportTables.rankings(rankings),
                "xep-hang-" + reportPeriod.from() + "-" + reportPeriod.to(), officer, null, "rankings", request);
    }

    @GetMapping(value = "/fees", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV, SPREADSHEET})
    @Operation(summary = "Fees and charges collected per unit, procedure and payment method (bank transfer, cash)"
            + " over a period")
    ResponseEntity<?> fees(@ParameterObject PeriodQuery when,
            @Parameter(description = "one unit; every unit the reader may see when left out")
            @RequestParam(required = false) @Pattern(regexp = UnitAccess.UNIT_CODE) String unit,
            @RequestParam(required = false) String format, HttpServletRequest request) {
        Format answer = Format.of(format, request);
        ReportPeriod reportPeriod = period(when);
        Officer officer = reader(unit);
        FeeReport report = reports.fees(reportPeriod, unit, readable(officer, unit));
        String name = "phi-le-phi-" + (unit == null ? "tat-ca" : unit) + "-" + reportPeriod.from() + "-" + reportPeriod.to();
        return respond(answer, report, List.of(ReportTables.fees(report)), name, officer, unit, "fee totals", request);
    }

    @GetMapping(value = "/overdue", produces = {MediaType.APPLICATION_JSON_VALUE, TEXT_CSV, SPREADSHEET})
    @Operation(summary = "The unit's open dossiers past their due date or warned about it, with who holds each and"
            + " for how long")
    ResponseEntity<?> overdue(@RequestParam @Pattern(regexp = UnitAccess.UNIT_CODE) String unit,
            @RequestParam(required = false) String format, HttpServletRequest request) {
        Format answer = Format.of(format, request);
        Officer officer = reader(unit);
        OverdueList list = reports.overdue(unit);
        String name = "ho-so-qua-han-" + unit + "-" + list.asOf().atZone(settings.zone()).toLocalDate();
        return respond(answer, list, List.of(ReportTables.overdue(list, settings.zone())), name, officer, unit,
                "overdue list", request);
    }

    /** The period every report is asked for: {@code period} (default month) with {@code date}, or {@code from} and {@code to}. */
    record PeriodQuery(@Parameter(description = PERIOD_DOC) String period, LocalDate date, LocalDate from, LocalDate to) {
    }

    private ReportPeriod period(PeriodQuery when) {
        LocalDate date = when.date();
        LocalDate from = when.from();
        LocalDate to = when.to();
        PeriodKind periodKind;
        try {
            periodKind = PeriodKind.valueOf((when.period() == null ? "month" : when.period()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidReportRequestException.of("period", "period must be one of day, month, quarter, year, custom",
                    "Kỳ báo cáo phải là day, month, quarter, year hoặc custom");
        }
        if (periodKind == PeriodKind.CUSTOM) {
            if (from == null || to == null || date != null) {
                throw InvalidReportRequestException.of(from == null ? "from" : to == null ? "to" : "date",
                        "a custom period takes 'from' and 'to' (and no 'date')", "Kỳ tùy chọn cần 'from' và 'to'");
            }
            return ReportPeriod.custom(from, to);
        }
        if (from != null || to != null) {
            throw InvalidReportRequestException.of(from != null ? "from" : "to",
                    "'from' and 'to' only go with period=custom", "'from' và 'to' chỉ dùng với period=custom");
        }
        return ReportPeriod.containing(periodKind, date != null ? date : LocalDate.now(settings.zone()));
    }

    /** The officer asking, allowed to read the unit's reports (or, for every unit, some unit's). */
    private Officer reader(String unit) {
        return unit != null ? access.checkReadsReportsOf(unit) : access.checkReadsReports();
    }

    private static Set<String> readable(Officer officer, String unit) {
        return unit != null ? null : officer.reportableUnits().orElse(null);
    }

    private ResponseEntity<?> respond(Format format, Object json, List<ReportTable> tables, String fileName,
            Officer officer, String unit, String what, HttpServletRequest request) {
        if (format == Format.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
        }
        audit.record(officer.id(), AuditAction.EXPORTED, null, unit, what, format.name().toLowerCase(Locale.ROOT) + " "
                + fileName, request.getRemoteAddr());
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(fileName + "." + format.name().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        return format == Format.CSV
                ? ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(ReportTable.csv(tables))
                : ok.contentType(MediaType.parseMediaType(SPREADSHEET)).body(ReportTable.xlsx(tables));
    }

    enum Format {
        JSON, CSV, XLSX;

        /** The {@code format} parameter if given, else what the Accept header asks for first. */
        static Format of(String parameter, HttpServletRequest request) {
            if (parameter != null) {
                try {
                    return valueOf(parameter.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw InvalidReportRequestException.of("format", "format must be json, csv or xlsx",
                            "Định dạng phải là json, csv hoặc xlsx");
                }
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept != null) {
                for (MediaType type : MediaType.parseMediaTypes(accept)) {
                    if (type.isCompatibleWith(MediaType.parseMediaType(SPREADSHEET)) && !type.isWildcardType()) {
                        return XLSX;
                    }
                    if (type.isCompatibleWith(MediaType.parseMediaType(TEXT_CSV)) && !type.isWildcardType()) {
                        return CSV;
                    }
                    if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                        return JSON;
                    }
                }
            }
            return JSON;
        }
    }
}
