package vn.motcua.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.MotcuaProperties;
import vn.motcua.calendar.YearWarning;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.reports.PeriodKind;
import vn.motcua.security.Officer;
import vn.motcua.security.UnitAccess;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The dashboard page. The filters are a plain GET form, so a filtered view is a link; the page's
 * script (static/js/dashboard.js) reads the reports API with them and draws the tables and charts.
 */
@Controller
class DashboardPage {

    private final UnitAccess access;
    private final UnitDirectory units;
    private final ProcedureCatalogue procedures;
    private final ZoneId zone;
    private final YearWarning yearWarning;

    DashboardPage(UnitAccess access, UnitDirectory units, ProcedureCatalogue procedures, MotcuaProperties settings,
            YearWarning yearWarning) {
        this.access = access;
        this.units = units;
        this.procedures = procedures;
        this.zone = settings.zone();
        this.yearWarning = yearWarning;
    }

    @GetMapping("/bao-cao")
    String dashboard(@RequestParam(defaultValue = "MONTH") PeriodKind period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String procedure, Model model) {
        Officer officer = access.checkReadsReports();
        Set<String> readable = officer.reportableUnits().orElse(null);
        List<Unit> shown = units.all().stream().filter(u -> readable == null || readable.contains(u.code())).toList();
        LocalDate today = LocalDate.now(zone);
        model.addAttribute("languagePath", "/bao-cao");
        model.addAttribute("officerName", officer.id());
        // Times on the page in the agency's zone, whatever zone the reader's browser is set to.
        model.addAttribute("zone", zone.getId());
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("period", period);
        model.addAttribute("date", date == null ? today : date);
        model.addAttribute("from", from == null ? today.withDayOfMonth(1) : from);
        model.addAttribute("to", to == null ? today : to);
        model.addAttribute("units", shown);
        // A reader of one unit has nothing to choose: the unit is theirs.
        model.addAttribute("unit", shown.size() == 1 ? shown.get(0).code() : blankToNull(unit));
        model.addAttribute("procedures", procedures.list().stream().sorted(Comparator.comparing(Procedure::name)).toList());
        model.addAttribute("procedure", blankToNull(procedure));
        // From 1 October while next year's calendar is provisional: deadlines reaching it are only estimates.
        YearWarning.NextYear nextYear = yearWarning.now();
        model.addAttribute("provisionalYear", nextYear.warning() ? nextYear.year() : null);
        return "dashboard/dashboard";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
