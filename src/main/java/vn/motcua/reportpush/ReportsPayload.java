package vn.motcua.reportpush;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.reports.Rankings;
import vn.motcua.reports.ReportPeriod;
import vn.motcua.reports.SupervisionReports;

/**
 * The pushed body: the period's form II.06a and rankings as {@code GET /api/reports/...} answers them
 * (docs/reports.md), in an envelope that names the period and the units. An endpoint limited to some
 * units gets one II.06a per unit and only their lines of the rankings (ranked among all units).
 */
@Component
class ReportsPayload implements ReportPayload {

    static final String SCHEMA = "motcua.report-push/1";

    private final SupervisionReports reports;
    private final ObjectMapper json;

    ReportsPayload(SupervisionReports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @Override
    public byte[] json(ReportPeriod period, List<String> units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("period", period);
        body.put("units", units);
        body.put("generatedAt", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()));
        body.put("ii06a", units.isEmpty() ? List.of(reports.ii06a(period, null, null))
                : units.stream().map(unit -> reports.ii06a(period, unit, null)).toList());
        Rankings rankings = reports.rankings(period, SupervisionReports.DEFAULT_LATE_PROCEDURES);
        body.put("rankings", units.isEmpty() ? rankings : ofUnits(rankings, units::contains));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report of " + period + " cannot be written as JSON", e);
        }
    }

    /** The units' lines of the rankings; the procedures' ranking spans every unit and is left out. */
    private static Rankings ofUnits(Rankings all, Predicate<String> unit) {
        return new Rankings(all.period(), all.asOf(),
                all.onTime().stream().filter(line -> unit.test(line.unitCode())).toList(),
                all.online().stream().filter(line -> unit.test(line.unitCode())).toList(),
                all.satisfaction().stream().filter(line -> unit.test(line.unitCode())).toList(),
                List.of());
    }
}
