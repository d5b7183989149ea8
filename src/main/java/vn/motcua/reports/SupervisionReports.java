package vn.motcua.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.MotcuaProperties;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.payments.Payments;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitDirectory;

/**
 * The supervision reports (docs/reports.md). No access checks here: the REST API checks who asks,
 * scheduled jobs report on every unit.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionReports {

    /** Procedures listed by {@link #rankings} unless told otherwise. */
    public static final int DEFAULT_LATE_PROCEDURES = 10;

    private final ReportRepository repository;
    private final UnitDirectory units;
    private final ProcedureCatalogue catalogue;
    private final Payments payments;
    private final MotcuaProperties settings;

    SupervisionReports(ReportRepository repository, UnitDirectory units, ProcedureCatalogue catalogue,
            Payments payments, MotcuaProperties settings) {
        this.repository = repository;
        this.units = units;
        this.catalogue = catalogue;
        this.payments = payments;
        this.settings = settings;
    }

    /** Form II.06a of one unit ({@code unitCode}) or every unit (null), one procedure or every one (null). */
    public Ii06aReport ii06a(ReportPeriod period, String unitCode, String procedureKey) {
        return ii06a(period, unitCode, procedureKey, null);
    }

    /** Units ranked over the period, and the {@code limit} procedures with the most late dossiers. */
    public Rankings rankings(ReportPeriod period, int limit) {
        return rankings(period, limit, null);
    }

    /** Fees collected over the period by one unit ({@code unitCode}) or every unit (null). */
    public FeeReport fees(ReportPeriod period, String unitCode) {
        return fees(period, unitCode, null);
    }

    /** The unit's open dossiers past or near their due date, now. */
    public OverdueList overdue(String unitCode) {
        Unit unit = unit(unitCode);
        Instant now = now();
        List<OverdueList.Entry> entries = repository.overdueOrAtRisk(unit.code(), now).stream()
                .map(d -> {
                    boolean overdue = d.dueAt().isBefore(now);
                    return new OverdueList.Entry(d.code(), d.procedureKey(), d.procedureName(), d.applicantName(),
                            d.status(), overdue ? OverdueList.Lateness.OVERDUE : OverdueList.Lateness.AT_RISK, d.dueAt(),
                            overdue ? Duration.between(d.dueAt(), now) : null, d.newAppointmentDate(), d.currentStep(),
                            d.currentHolder(), d.heldSince(), d.heldSince() == null ? null : Duration.between(d.heldSince(), now));
                })
                .toList();
        return new OverdueList(unit.code(), unit.name(), now, entries);
    }

    /** @param readable the units the reader may see, null for every unit */
    Ii06aReport ii06a(ReportPeriod period, String unitCode, String procedureKey, Collection<String> readable) {
        Map<String, Unit> shown = shownUnits(unitCode, readable);
        checkProcedure(procedureKey);
        Window window = window(period);
        Map<String, List<ReportRepository.Line>> byUnit = repository
                .lines(window.start, window.end, window.asOf, settings.zone(), shown.keySet(), procedureKey).stream()
                .collect(Collectors.groupingBy(ReportRepository.Line::unitCode));
        List<Ii06aReport.UnitLine> lines = shown.values().stream()
                .map(unit -> {
                    List<Ii06aReport.ProcedureLine> procedures = byUnit.getOrDefault(unit.code(), List.of()).stream()
                            .map(l -> {
                                boolean travelled = !l.receivingUnitCode().equals(unit.code());
                                return new Ii06aReport.ProcedureLine(l.procedureKey(), l.procedureCode(), l.procedureName(),
                                        l.figures(), travelled ? l.receivingUnitCode() : null,
                                        travelled ? unitName(l.receivingUnitCode()) : null);
                            })
                            .toList();
                    return new Ii06aReport.UnitLine(unit.code(), unit.name(),
                            Figures.sum(procedures.stream().map(Ii06aReport.ProcedureLine::figures).toList()), procedures);
                })
                .toList();
        return new Ii06aReport(period, window.asOf, unitCode, procedureKey, lines,
                Figures.sum(lines.stream().map(Ii06aReport.UnitLine::figures).toList()));
    }

    private String unitName(String code) {
        return units.find(code).map(Unit::name).orElse(code);
    }

    FeeReport fees(ReportPeriod period, String unitCode, Collection<String> readable) {
        Map<String, Unit> shown = shownUnits(unitCode, readable);
        Window window = window(period);
        List<FeeReport.Line> lines = payments.totals(unitCode, window.start, window.end).stream()
                .filter(total -> shown.containsKey(total.unitCode()))
                .map(total -> new FeeReport.Line(total.unitCode(), shown.get(total.unitCode()).name(),
                        total.procedureKey(), total.procedureCode(), total.paidBy(), total.payments(), total.amount()))
                .toList();
        return new FeeReport(period, unitCode, lines, lines.stream().mapToLong(FeeReport.Line::payments).sum(),
                lines.stream().mapToLong(FeeReport.Line::amount).sum());
    }

    Rankings rankings(ReportPeriod period, int limit, Collection<String> readable) {
        Map<String, Unit> shown = shownUnits(null, readable);
        Window window = window(period);
        List<ReportRepository.Line> lines = repository.lines(window.start, window.end, window.asOf, settings.zone(),
                shown.keySet(), null);
        Map<String, List<ReportRepository.Line>> byUnit = lines.stream()
                .collect(Collectors.groupingBy(ReportRepository.Line::unitCode));
        Map<String, ReportRepository.UnitEvaluations> evaluations = repository
                .evaluations(window.start, window.end, shown.keySet()).stream()
                .collect(Collectors.toMap(ReportRepository.UnitEvaluations::unitCode, Function.identity()));

        List<Rankings.OnTime> onTime = ranked(shown.values(), unit -> {
            Figures.Resolved r = Figures.sum(figures(byUnit, unit)).resolved();
            return new Rankings.OnTime(null, unit.code(), unit.name(), r.total(), r.beforeDeadline() + r.onTime(),
                    rate(r.beforeDeadline() + r.onTime(), r.total()));
        }, Rankings.OnTime::rate, (o, rank) -> new Rankings.OnTime(rank, o.unitCode(), o.unitName(), o.resolved(),
                o.resolvedInTime(), o.rate()));
        List<Rankings.Online> online = ranked(shown.values(), unit -> {
            Figures.Received r = Figures.sum(figures(byUnit, unit)).received();
            long submitted = r.online() + r.counterOrPost();
            long wholly = byUnit.getOrDefault(unit.code(), List.of()).stream()
                    .mapToLong(ReportRepository.Line::whollyOnline).sum();
            return new Rankings.Online(null, unit.code(), unit.name(), submitted, r.online(), wholly,
                    rate(r.online(), submitted), rate(wholly, submitted));
        }, Rankings.Online::rate, (o, rank) -> new Rankings.Online(rank, o.unitCode(), o.unitName(), o.submitted(),
                o.online(), o.whollyOnline(), o.rate(), o.whollyOnlineRate()));
        List<Rankings.UnitSatisfaction> satisfaction = ranked(shown.values(), unit -> {
            ReportRepository.UnitEvaluations e = evaluations.getOrDefault(unit.code(),
                    new ReportRepository.UnitEvaluations(unit.code(), 0, 0, 0, 0));
            return new Rankings.UnitSatisfaction(null, unit.code(), unit.name(), e.evaluations(), e.verySatisfied(),
                    e.satisfied(), e.notSatisfied(), rate(e.verySatisfied() + e.satisfied(), e.evaluations()));
        }, Rankings.UnitSatisfaction::rate, (s, rank) -> new Rankings.UnitSatisfaction(rank, s.unitCode(), s.unitName(),
                s.evaluations(), s.verySatisfied(), s.satisfied(), s.notSatisfied(), s.rate()));
        return new Rankings(period, window.asOf, onTime, online, satisfaction, lateProcedures(lines, limit));
    }

    private static List<Rankings.LateProcedure> lateProcedures(List<ReportRepository.Line> lines, int limit) {
        Map<String, List<ReportRepository.Line>> byProcedure = lines.stream()
                .collect(Collectors.groupingBy(ReportRepository.Line::procedureKey, LinkedHashMap::new, Collectors.toList()));
        List<Rankings.LateProcedure> late = new ArrayList<>();
        byProcedure.forEach((key, procedureLines) -> {
            Figures f = Figures.sum(procedureLines.stream().map(ReportRepository.Line::figures).toList());
            long count = f.resolved().late() + f.inProgress().overdue();
            if (count > 0) {
                ReportRepository.Line first = procedureLines.get(0);
                late.add(new Rankings.LateProcedure(0, key, first.procedureCode(), first.procedureName(), count,
                        f.resolved().late(), f.inProgress().overdue()));
            }
        });
        late.sort(Comparator.comparingLong(Rankings.LateProcedure::late).reversed()
                .thenComparing(Rankings.LateProcedure::procedureKey));
        List<Rankings.LateProcedure> top = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, late.size()); i++) {
            Rankings.LateProcedure p = late.get(i);
            int rank = i > 0 && late.get(i - 1).late() == p.late() ? top.get(i - 1).rank() : i + 1;
            top.add(new Rankings.LateProcedure(rank, p.procedureKey(), p.procedureCode(), p.procedureName(), p.late(),
                    p.resolvedLate(), p.overdue()));
        }
        return top;
    }

    /**
     * Units by rate, highest first, equal rates sharing a rank and listed by unit code; units without
     * a rate last and unranked.
     */
    private static <T> List<T> ranked(Collection<Unit> shown, Function<Unit, T> unranked, Function<T, BigDecimal> rate,
            RankSetter<T> withRank) {
        List<T> rows = shown.stream().map(unranked)
                .sorted(Comparator.comparing(rate, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())))
                .toList();
        List<T> result = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            BigDecimal r = rate.apply(rows.get(i));
            if (i == 0 || r == null || r.compareTo(rate.apply(rows.get(i - 1))) != 0) {
                rank = i + 1;
            }
            result.add(withRank.apply(rows.get(i), r == null ? null : rank));
        }
        return result;
    }

    @FunctionalInterface
    private interface RankSetter<T> {
        T apply(T row, Integer rank);
    }

    private static List<Figures> figures(Map<String, List<ReportRepository.Line>> byUnit, Unit unit) {
        return byUnit.getOrDefault(unit.code(), List.of()).stream().map(ReportRepository.Line::figures).toList();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The units a report shows, by code: the one asked for, or every unit the reader may see. */
    private Map<String, Unit> shownUnits(String unitCode, Collection<String> readable) {
        if (unitCode != null) {
            Unit unit = unit(unitCode);
            return Map.of(unit.code(), unit);
        }
        Map<String, Unit> shown = new LinkedHashMap<>();
        units.all().stream()
                .filter(unit -> readable == null || readable.contains(unit.code()))
                .sorted(Comparator.comparing(Unit::code))
                .forEach(unit -> shown.put(unit.code(), unit));
        return shown;
    }

    private Unit unit(String unitCode) {
        return units.find(unitCode).orElseThrow(() -> InvalidReportRequestException.of("unit",
                "unknown unit " + unitCode, "Không có đơn vị " + unitCode));
    }

    private void checkProcedure(String procedureKey) {
        if (procedureKey != null && catalogue.find(procedureKey).isEmpty() && !repository.hasDossiersOf(procedureKey)) {
            throw InvalidReportRequestException.of("procedure", "unknown procedure " + procedureKey,
                    "Không có thủ tục " + procedureKey);
        }
    }

    private record Window(Instant start, Instant end, Instant asOf) {
    }

    private Window window(ReportPeriod period) {
        Instant start = period.from().atStartOfDay(settings.zone()).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(settings.zone()).toInstant();
        Instant now = now();
        return new Window(start, end, now.isBefore(end) ? now : end);
    }

    // The engine's clock, so that tests which move it move the reports' "now" too.
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
