package vn.motcua.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.SubmissionChannel;
import vn.motcua.dossier.DossierManagement;
import vn.motcua.reports.Figures;
import vn.motcua.reports.Ii06aReport;
import vn.motcua.reports.PeriodKind;
import vn.motcua.reports.ReportPeriod;
import vn.motcua.reports.SupervisionReports;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * What anyone may see without logging in: on-time rates per unit and procedure (the figures of form
 * II.06a, from the same query) and the display at each desk. Counts and dossier codes only: no
 * applicant's name, identity number or anything else that is personal.
 */
@Controller
class PublicFigures {

    /** A screen shows this many codes; more waiting than that is the desk's problem, not the screen's. */
    static final int READY_SHOWN = 60;
    /** How often the desk display reloads itself, in seconds. */
    static final int REFRESH_SECONDS = 60;

    private final SupervisionReports reports;
    private final UnitDirectory units;
    private final DossierManagement dossiers;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties settings;

    PublicFigures(SupervisionReports reports, UnitDirectory units, DossierManagement dossiers, ProcedureCatalogue catalogue,
            MotcuaProperties settings) {
        this.reports = reports;
        this.units = units;
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** One row of the public table: a unit or a procedure within it. */
    record Row(String code, String name, long resolved, long inTime, long late, BigDecimal rate, long overdue) {

        static Row of(String code, String name, Figures figures) {
            long inTime = figures.resolved().beforeDeadline() + figures.resolved().onTime();
            long resolved = figures.resolved().total();
            return new Row(code, name, resolved, inTime, figures.resolved().late(),
                    resolved == 0 ? null : BigDecimal.valueOf(inTime * 100).divide(BigDecimal.valueOf(resolved), 1,
                            RoundingMode.HALF_UP),
                    figures.inProgress().overdue());
        }
    }

    record UnitRows(Row unit, List<Row> procedures) {
    }

    @GetMapping("/thong-ke")
    String figures(@RequestParam(name = "ky", required = false) String period,
            @RequestParam(name = "ngay", required = false) LocalDate day, Model model) {
        PeriodKind kind = switch (period == null ? "" : period.toLowerCase(Locale.ROOT)) {
            case "quy" -> PeriodKind.QUARTER;
            case "nam" -> PeriodKind.YEAR;
            default -> PeriodKind.MONTH;
        };
        ReportPeriod shown = ReportPeriod.containing(kind, day != null ? day : LocalDate.now(settings.zone()));
        Ii06aReport report = reports.ii06a(shown, null, null);
        model.addAttribute("period", shown);
        model.addAttribute("kind", kind.name());
        model.addAttribute("asOf", report.asOf());
        model.addAttribute("total", Row.of(null, null, report.total()));
        model.addAttribute("units", report.units().stream()
                .map(unit -> new UnitRows(Row.of(unit.unitCode(), unit.unitName(), unit.figures()),
                        unit.procedures().stream().map(p -> Row.of(p.procedureCode(), p.procedureName(), p.figures())).toList()))
                .toList());
        return "portal/figures";
    }

    @GetMapping("/man-hinh/{unit}")
    String deskDisplay(@PathVariable("unit") String unitCode, HttpServletResponse response, Model model) {
        Unit unit = units.find(unitCode).filter(Unit::open).orElse(null);
        if (unit == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/display-not-found";
        }
        LocalDate today = LocalDate.now(settings.zone());
        Figures day = reports.ii06a(ReportPeriod.containing(PeriodKind.DAY, today), unit.code(), null).total();
        model.addAttribute("unit", unit);
        model.addAttribute("today", today);
        model.addAttribute("received", day.received().online() + day.received().counterOrPost());
        model.addAttribute("receivedOnline", day.received().online());
        model.addAttribute("resolved", day.resolved().total());
        model.addAttribute("ready", dossiers.readyAtCounter(unit.code(), READY_SHOWN));
        model.addAttribute("online", catalogue.list().stream()
                .filter(p -> p.unitLevel() == unit.level() && p.channels().contains(SubmissionChannel.ONLINE)).toList());
        model.addAttribute("refreshSeconds", REFRESH_SECONDS);
        return "portal/display";
    }
}
