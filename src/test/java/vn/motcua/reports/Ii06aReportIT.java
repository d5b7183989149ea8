package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.support.IntegrationTest;

/**
 * A known history of 2019 seeded into the tables, every edge case of docs/reports.md among it, and
 * every number of II.06a and of the rankings checked. No other test writes dossiers dated 2019.
 */
class Ii06aReportIT extends IntegrationTest {

    static final String THIRD_UNIT = "000.01.01.H01";
    static final String OTHER_PROCEDURE = "report_test_procedure";

    @Autowired
    SupervisionReports reports;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void history() {
        seedOnce(jdbc);
    }

    /** Seeds the history unless an earlier test class of this run did (the database is the run's). */
    static synchronized void seedOnce(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from dossier where code = ?").param(code(UNIT, 1)).query(Long.class).single() == 0) {
            seed(new ReportHistory(jdbc));
        }
    }

    /** The history; the comment of each says where March 2019 counts it. */
    private static void seed(ReportHistory h) {
        String p = PROCEDURE;
        // Carried over (received in February), resolved in March a day before its due date.
        long a1 = h.dossier(code(UNIT, 1), UNIT, p, "COUNTER", "COUNTER", "RESULT_RETURNED", t(2, 25, 9, 0), t(3, 5, 9, 0),
                t(3, 4, 10, 0), null);
        // Online, result online: resolved on the due day before the due time (on time, not before deadline).
        long a2 = h.dossier(code(UNIT, 2), UNIT, p, "ONLINE", "ONLINE", "RESULT_RETURNED", t(3, 4, 8, 0), t(3, 8, 17, 0),
                t(3, 8, 16, 0), null);
        // Apology letter with a new appointment, result after the due date: late all the same.
        long a3 = h.dossier(code(UNIT, 3), UNIT, p, "ONLINE", "COUNTER", "RESULT_RETURNED", t(3, 6, 9, 0), t(3, 12, 9, 0),
                t(3, 13, 8, 0), null);
        h.apology(a3, LocalDate.of(2019, 3, 13), t(3, 11, 15, 0));
        // Clock paused for a supplement (PAUSE): due 7 March on the receipt, moved to 11 March; resolved 8 March
        // is before the deadline in force (and would be late against the receipt's).
        long a4 = h.dossier(code(UNIT, 4), UNIT, p, "COUNTER", "COUNTER", "RESULT_RETURNED", t(3, 4, 9, 0), t(3, 11, 9, 0),
                t(3, 8, 15, 0), null);
        h.dueMovedFrom(code(UNIT, 4), t(3, 7, 9, 0), 8 * 3600);
        // Waiting for a supplement at the end of March, its due date long past: awaiting supplement, not overdue.
        h.dossier(code(UNIT, 5), UNIT, p, "POST", "POST", "AWAITING_SUPPLEMENT", t(3, 20, 9, 0), t(3, 25, 9, 0), null,
                t(3, 21, 10, 0));
        // Open past its due date despite an apology letter: in progress, overdue.
        long a6 = h.dossier(code(UNIT, 6), UNIT, p, "ONLINE", "POST", "IN_PROGRESS", t(3, 18, 9, 0), t(3, 21, 9, 0), null,
                null);
        h.apology(a6, LocalDate.of(2019, 3, 28), t(3, 20, 15, 0));
        // Open, due in April: in progress within the deadline.
        h.dossier(code(UNIT, 7), UNIT, p, "COUNTER", "COUNTER", "IN_PROGRESS", t(3, 28, 9, 0), t(4, 2, 9, 0), null, null);
        // Resolved in April, due in March: in progress and overdue at the end of March, late in April.
        long a8 = h.dossier(code(UNIT, 8), UNIT, p, "ONLINE", "ONLINE", "RESULT_RETURNED", t(3, 25, 9, 0), t(3, 28, 9, 0),
                t(4, 3, 10, 0), null);
        // Refused at reception.
        h.dossier(code(UNIT, 9), UNIT, p, "ONLINE", "ONLINE", "REFUSED", t(3, 5, 9, 0), t(3, 8, 9, 0), t(3, 5, 14, 0), null);
        // Received in February, supplement asked, closed in March without it: carried over, withdrawn.
        h.dossier(code(UNIT, 10), UNIT, p, "COUNTER", "COUNTER", "CLOSED_WITHOUT_SUPPLEMENT", t(2, 10, 9, 0),
                t(2, 15, 9, 0), t(3, 14, 17, 0), t(2, 12, 10, 0));
        // Settled in February: not in March at all; late in February.
        h.dossier(code(UNIT, 11), UNIT, p, "ONLINE", "ONLINE", "RESULT_RETURNED", t(2, 1, 9, 0), t(2, 6, 9, 0),
                t(2, 20, 9, 0), null);
        // Received on 1 April 06:30 local time, still 31 March in UTC: not in March.
        h.dossier(code(UNIT, 12), UNIT, p, "COUNTER", "COUNTER", "IN_PROGRESS", t(4, 1, 6, 30), t(4, 4, 9, 0), null, null);
        // Received 31 March 23:30 local time, the last evening of the period: in March.
        h.dossier(code(UNIT, 13), UNIT, p, "COUNTER", "COUNTER", "IN_PROGRESS", t(3, 31, 23, 30), t(4, 3, 9, 0), null, null);
        // Received 28 February 23:30 local time (16:30 UTC): February's, carried over into March; decided, the
        // result not returned yet: in progress.
        h.dossier(code(UNIT, 14), UNIT, p, "COUNTER", "COUNTER", "AWAITING_RESULT_RETURN", t(2, 28, 23, 30), t(4, 5, 9, 0),
                null, null);
        // Resolved on the due day an hour after the due time: late.
        h.dossier(code(UNIT, 15), UNIT, p, "COUNTER", "COUNTER", "RESULT_RETURNED", t(3, 11, 9, 0), t(3, 14, 9, 0),
                t(3, 14, 10, 0), null);

        // A second procedure of the same unit.
        h.dossier(code(UNIT, 16), UNIT, OTHER_PROCEDURE, "ONLINE", "ONLINE", "RESULT_RETURNED", t(3, 12, 9, 0),
                t(3, 15, 17, 0), t(3, 15, 9, 0), null);
        h.dossier(code(UNIT, 17), UNIT, OTHER_PROCEDURE, "COUNTER", "COUNTER", "RESULT_RETURNED", t(3, 1, 9, 0),
                t(3, 6, 9, 0), t(3, 27, 9, 0), null);

        // The other unit.
        long c1 = h.dossier(code(OTHER_UNIT, 1), OTHER_UNIT, p, "ONLINE", "ONLINE", "RESULT_RETURNED", t(3, 2, 9, 0),
                t(3, 7, 9, 0), t(3, 6, 9, 0), null);
        long c2 = h.dossier(code(OTHER_UNIT, 2), OTHER_UNIT, p, "COUNTER", "COUNTER", "RESULT_RETURNED", t(3, 3, 9, 0),
                t(3, 8, 9, 0), t(3, 7, 9, 0), null);
        h.dossier(code(OTHER_UNIT, 3), OTHER_UNIT, p, "ONLINE", "COUNTER", "IN_PROGRESS", t(3, 4, 9, 0), t(3, 9, 9, 0),
                null, null);

        h.evaluation(a1, UNIT, "VERY_SATISFIED", t(3, 4, 11, 0));
        h.evaluation(a2, UNIT, "SATISFIED", t(3, 8, 17, 0));
        h.evaluation(a3, UNIT, "NOT_SATISFIED", t(3, 13, 9, 0));
        h.evaluation(a4, UNIT, "SATISFIED", t(3, 9, 9, 0));
        h.evaluation(a8, UNIT, "NOT_SATISFIED", t(4, 3, 11, 0));
        h.evaluation(c1, OTHER_UNIT, "VERY_SATISFIED", t(3, 6, 10, 0));
        h.evaluation(c2, OTHER_UNIT, "NOT_SATISFIED", t(3, 7, 10, 0));
    }

    static final ReportPeriod MARCH = ReportPeriod.containing(PeriodKind.MONTH, LocalDate.of(2019, 3, 15));

    @Test
    void shouldCountMarchPerUnitAndProcedure() {
        Ii06aReport report = reports.ii06a(MARCH, null, null);

        assertThat(report.asOf()).isEqualTo(ReportHistory.instant(t(4, 1, 0, 0)));
        assertThat(report.units()).extracting(Ii06aReport.UnitLine::unitCode).containsExactly(UNIT, OTHER_UNIT, THIRD_UNIT);
        Ii06aReport.UnitLine unit = report.units().get(0);
        assertThat(unit.procedures()).extracting(Ii06aReport.ProcedureLine::procedureKey)
                .containsExactly(PROCEDURE, OTHER_PROCEDURE);
        //                                        received      resolved     in progress  sup wd ref
        assertFigures(unit.procedures().get(0).figures(), 13, 3, 5, 5, 5, 2, 1, 2, 5, 3, 2, 1, 1, 1);
        assertFigures(unit.procedures().get(1).figures(), 2, 0, 1, 1, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0);
        assertFigures(unit.figures(), 15, 3, 6, 6, 7, 2, 2, 3, 5, 3, 2, 1, 1, 1);
        Ii06aReport.UnitLine other = report.units().get(1);
        assertThat(other.procedures()).hasSize(1);
        assertFigures(other.figures(), 3, 0, 2, 1, 2, 2, 0, 0, 1, 0, 1, 0, 0, 0);
        Ii06aReport.UnitLine third = report.units().get(2);
        assertThat(third.procedures()).isEmpty();
        assertFigures(third.figures(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertFigures(report.total(), 18, 3, 8, 7, 9, 4, 2, 3, 6, 3, 3, 1, 1, 1);
    }

    @Test
    void shouldCountTheDossiersOfFebruaryThatMarchCarriesOver() {
        Ii06aReport report = reports.ii06a(ReportPeriod.containing(PeriodKind.MONTH, LocalDate.of(2019, 2, 1)), UNIT, null);

        assertThat(report.units()).singleElement().extracting(Ii06aReport.UnitLine::unitCode).isEqualTo(UNIT);
        // Received: 1, 10, 11 and 14 (on the last evening); resolved: 11, late; in progress: 1 and 14; awaiting: 10.
        assertFigures(report.total(), 4, 0, 1, 3, 1, 0, 0, 1, 2, 2, 0, 1, 0, 0);
    }

    @Test
    void shouldCountTheYearWithOpenDossiersJudgedAtItsEnd() {
        Ii06aReport report = reports.ii06a(ReportPeriod.containing(PeriodKind.YEAR, LocalDate.of(2019, 7, 1)), null, null);

        // Everything seeded; open on 31 December: 6, 7, 12, 13, 14 and the other unit's 3, all overdue by then.
        assertFigures(report.total(), 20, 0, 9, 11, 11, 4, 2, 5, 6, 0, 6, 1, 1, 1);
    }

    @Test
    void shouldNarrowToOneProcedureAndOneDay() {
        Ii06aReport procedure = reports.ii06a(MARCH, UNIT, OTHER_PROCEDURE);
        assertFigures(procedure.total(), 2, 0, 1, 1, 2, 0, 1, 1, 0, 0, 0, 0, 0, 0);

        // 31 March: dossier 13 arrives that evening; 5 waits, 6, 8 overdue, 7 and 14 within, carried over.
        Ii06aReport day = reports.ii06a(ReportPeriod.containing(PeriodKind.DAY, LocalDate.of(2019, 3, 31)), UNIT, PROCEDURE);
        assertFigures(day.total(), 6, 5, 0, 1, 0, 0, 0, 0, 5, 3, 2, 1, 0, 0);
    }

    @Test
    void shouldRankUnitsAndProcedures() {
        Rankings rankings = reports.rankings(MARCH, 10);

        assertThat(rankings.onTime()).containsExactly(
                new Rankings.OnTime(1, OTHER_UNIT, "Ủy ban nhân dân quận Hoàn Kiếm", 2, 2, rate("1.0000")),
                new Rankings.OnTime(2, UNIT, "Ủy ban nhân dân quận Ba Đình", 7, 4, rate("0.5714")),
                new Rankings.OnTime(null, THIRD_UNIT, "Ủy ban nhân dân phường Phúc Xá", 0, 0, null));
        assertThat(rankings.online()).containsExactly(
                new Rankings.Online(1, OTHER_UNIT, "Ủy ban nhân dân quận Hoàn Kiếm", 3, 2, 1, rate("0.6667"), rate("0.3333")),
                new Rankings.Online(2, UNIT, "Ủy ban nhân dân quận Ba Đình", 12, 6, 5, rate("0.5000"), rate("0.4167")),
                new Rankings.Online(null, THIRD_UNIT, "Ủy ban nhân dân phường Phúc Xá", 0, 0, 0, null, null));
        assertThat(rankings.satisfaction()).containsExactly(
                new Rankings.UnitSatisfaction(1, UNIT, "Ủy ban nhân dân quận Ba Đình", 4, 1, 2, 1, rate("0.7500")),
                new Rankings.UnitSatisfaction(2, OTHER_UNIT, "Ủy ban nhân dân quận Hoàn Kiếm", 2, 1, 0, 1, rate("0.5000")),
                new Rankings.UnitSatisfaction(null, THIRD_UNIT, "Ủy ban nhân dân phường Phúc Xá", 0, 0, 0, 0, null));
        assertThat(rankings.lateProcedures()).containsExactly(
                new Rankings.LateProcedure(1, PROCEDURE, "2.000720", "Đăng ký thành lập hộ kinh doanh", 5, 2, 3),
                new Rankings.LateProcedure(2, OTHER_PROCEDURE, "9.000001", "Thủ tục thử báo cáo", 1, 1, 0));
        assertThat(reports.rankings(MARCH, 1).lateProcedures()).hasSize(1);
    }

    @Test
    void shouldShareARankBetweenEqualRates() {
        // 4 to 6 March: each unit returned one result, before its deadline (unit 1's dossier 1, the other's 1).
        Rankings week = reports.rankings(ReportPeriod.custom(LocalDate.of(2019, 3, 4), LocalDate.of(2019, 3, 6)), 10);

        assertThat(week.onTime()).extracting(Rankings.OnTime::rank, Rankings.OnTime::unitCode)
                .containsExactly(tuple(1, UNIT), tuple(1, OTHER_UNIT),
                        tuple(null, THIRD_UNIT));
    }

    @Test
    void shouldRefuseUnknownUnitsAndProcedures() {
        assertThatThrownBy(() -> reports.ii06a(MARCH, "999.99.99.H99", null)).isInstanceOf(InvalidReportRequestException.class);
        assertThatThrownBy(() -> reports.ii06a(MARCH, null, "no_such_procedure"))
                .isInstanceOf(InvalidReportRequestException.class);
    }

    static String code(String unit, int n) {
        return unit + "-190301-9" + String.format("%03d", n);
    }

    static LocalDateTime t(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2019, month, day, hour, minute);
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }

    private static void assertFigures(Figures figures, long... expected) {
        assertThat(figures.numbers()).as("received total, carried over, online, counter/post | resolved total, before,"
                + " on time, late | in progress total, within, overdue | awaiting supplement, withdrawn, refused")
                .containsExactly(expected);
        List<Long> parts = List.of(figures.resolved().total(), figures.inProgress().total(), figures.awaitingSupplement(),
                figures.withdrawn(), figures.refused());
        assertThat(parts.stream().mapToLong(Long::longValue).sum()).isEqualTo(figures.received().total());
    }
}
