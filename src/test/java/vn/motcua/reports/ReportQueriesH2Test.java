package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded demo runs on H2: the report queries (the local-date interval arithmetic above all) must
 * give there the numbers they give on PostgreSQL ({@link Ii06aReportIT}) for the same history.
 */
class ReportQueriesH2Test {

    @Test
    void shouldCountMarchOnH2AsOnPostgresql() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/demo")
                .table("motcua_schema_history").load().migrate();
        JdbcClient jdbc = JdbcClient.create(h2);
        Ii06aReportIT.seedOnce(jdbc);
        ReportRepository repository = new ReportRepository(jdbc, h2);
        Instant start = ReportHistory.instant(LocalDate.of(2019, 3, 1).atStartOfDay());
        Instant end = ReportHistory.instant(LocalDate.of(2019, 4, 1).atStartOfDay());

        List<ReportRepository.Line> lines = repository.lines(start, end, end, ReportHistory.ZONE, null, null);

        assertThat(Figures.sum(lines.stream().map(ReportRepository.Line::figures).toList()).numbers())
                .containsExactly(18, 3, 8, 7, 9, 4, 2, 3, 6, 3, 3, 1, 1, 1);
        assertThat(lines.stream().mapToLong(ReportRepository.Line::whollyOnline).sum()).isEqualTo(6);
        assertThat(repository.evaluations(start, end, List.of(Ii06aReportIT.THIRD_UNIT))).isEmpty();
        assertThat(repository.evaluations(start, end, null)).extracting(ReportRepository.UnitEvaluations::evaluations)
                .containsExactlyInAnyOrder(4L, 2L);
        assertThat(repository.hasDossiersOf(Ii06aReportIT.OTHER_PROCEDURE)).isTrue();
        assertThat(repository.overdueOrAtRisk("000.00.01.H01", end)).extracting(ReportRepository.OpenDossier::code)
                .containsExactly(Ii06aReportIT.code("000.00.01.H01", 6));
    }
}
