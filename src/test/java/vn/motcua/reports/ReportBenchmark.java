package vn.motcua.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.support.TestDatabase;

/**
 * Not a test: seeds 1,000,000 dossiers of 2021-2025 into a PostgreSQL database of its own and times
 * the yearly II.06a report of 2025 for every unit, the query the REST API runs. The database is
 * dropped at the end. Run with {@code ./mvnw -B -Pbench verify} (docs/performance.md).
 */
public final class ReportBenchmark {

    static final int DOSSIERS = Integer.getInteger("bench.dossiers", 1_000_000);
    static final int UNITS = 200;
    static final int PROCEDURES = 60;
    static final int RUNS = Integer.getInteger("bench.runs", 10);
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        try {
            measure();
        } finally {
            TestDatabase.drop();
        }
    }

    private static void measure() {
        String url = TestDatabase.url();
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").load().migrate();
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, TestDatabase.user(),
                TestDatabase.password(), true);
        JdbcClient jdbc = JdbcClient.create(dataSource);

        long seedStart = System.nanoTime();
        seed(jdbc);
        jdbc.sql("vacuum analyze dossier").update();
        System.out.printf("seeded %,d dossiers in %d units, %d procedures in %.1f s%n",
                jdbc.sql("select count(*) from dossier").query(Long.class).single(), UNITS, PROCEDURES,
                (System.nanoTime() - seedStart) / 1e9);

        ReportRepository repository = new ReportRepository(jdbc, dataSource);
        // As in the application: the report runs in a read-only transaction (SupervisionReports).
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.setReadOnly(true);
        ReportPeriod year = ReportPeriod.containing(PeriodKind.YEAR, LocalDate.of(2025, 6, 1));
        Instant start = year.from().atStartOfDay(ZONE).toInstant();
        Instant end = year.to().plusDays(1).atStartOfDay(ZONE).toInstant();
        List<Double> timings = new ArrayList<>();
        Figures total = null;
        int lineCount = 0;
        for (int run = 0; run <= RUNS; run++) {
            long t0 = System.nanoTime();
            List<ReportRepository.Line> lines = transaction.execute(
                    status -> repository.lines(start, end, end, ZONE, null, null));
            Map<String, Figures> units = lines.stream().collect(Collectors.groupingBy(ReportRepository.Line::unitCode,
                    Collectors.collectingAndThen(Collectors.mapping(ReportRepository.Line::figures, Collectors.toList()),
                            Figures::sum)));
            total = Figures.sum(units.values());
            lineCount = lines.size();
            timings.add((System.nanoTime() - t0) / 1e6);
        }
        double cold = timings.remove(0);
        Collections.sort(timings);
        System.out.printf("yearly II.06a 2025, all units (%d unit and procedure lines): cold %.0f ms; warm (%d runs)"
                + " min %.0f ms, median %.0f ms, max %.0f ms%n", lineCount, cold, timings.size(), timings.get(0),
                timings.get(timings.size() / 2), timings.get(timings.size() - 1));
        System.out.println("total: " + total);
        System.out.println("plan:");
        jdbc.sql("set jit = off").update();
        jdbc.sql("explain (analyze, buffers) " + ReportRepository.linesSql(ZONE, start, false, false))
                .params(Map.of("s", java.sql.Timestamp.from(start), "e", java.sql.Timestamp.from(end),
                        "a", java.sql.Timestamp.from(end)))
                .query(String.class).list()
                .forEach(line -> System.out.println("  " + line));
        dataSource.destroy();
    }

    /**
     * Dossiers spread evenly over five years and over the units and procedures, inserted in the order
     * they were received (as the application writes them): 60 % online, 30 % counter, 10 % post; 3 %
     * refused, 2 % closed without supplement, the rest returned within 0 to 8 days of a 5-day due date
     * (about a third late). Of the last two months' dossiers 1 % still wait for a supplement and 2 % are
     * still being processed; of the older ones one in two thousand still waits for a supplement.
     */
    private static void seed(JdbcClient jdbc) {
        jdbc.sql("""
                insert into unit (code, name, level)
                select 'U' || lpad(u::text, 3, '0'), 'Đơn vị ' || u, 'COMMUNE' from generate_series(0, ?) u""")
                .param(UNITS - 1).update();
        jdbc.sql("""
                insert into dossier (code, procedure_key, procedure_version, procedure_code, procedure_name, unit_code,
                    deciding_unit_code, channel, result_channel, status, applicant_name, form_data, deadline_days, received_at,
                    counting_started_at, due_at, original_due_at, finished_at, clock_paused_at, legal_deadline,
                    current_step, current_holder)
                select 'U' || lpad(u::text, 3, '0') || '-' || to_char(received, 'YYMMDD') || '-' || lpad(g::text, 7, '0'),
                    'procedure_' || p, 1, '1.' || lpad(p::text, 6, '0'), 'Thủ tục hành chính số ' || p,
                    'U' || lpad(u::text, 3, '0'), 'U' || lpad(u::text, 3, '0'),
                    case when rc < 0.6 then 'ONLINE' when rc < 0.9 then 'COUNTER' else 'POST' end,
                    case when rr < 0.5 then 'ONLINE' when rr < 0.8 then 'COUNTER' else 'POST' end,
                    status,
                    'Nguyễn Văn ' || g,
                    '{"applicantName":"Nguyễn Văn ' || g || '","applicantIdNumber":"001085012345","applicantPhone":"0912345678",'
                        || '"applicantAddress":"12 Phố Đội Cấn, Ba Đình, Hà Nội","businessName":"Hộ kinh doanh số ' || g
                        || '","businessAddress":"25 Phố Kim Mã, Ba Đình, Hà Nội","businessLine":"Dịch vụ ăn uống",'
                        || '"capital":150000000,"ownershipType":"INDIVIDUAL"}',
                    5, received, received, received + interval '5 days', received + interval '5 days',
                    case status when 'REFUSED' then received + interval '2 hours'
                        when 'CLOSED_WITHOUT_SUPPLEMENT' then received + interval '31 days'
                        when 'RESULT_RETURNED' then received + speed * interval '8 days' end,
                    case when status in ('CLOSED_WITHOUT_SUPPLEMENT', 'AWAITING_SUPPLEMENT') then received + interval '1 day' end,
                    '5d',
                    case when status = 'IN_PROGRESS' then 'Thẩm định hồ sơ' end,
                    case when status = 'IN_PROGRESS' then 'chuyen.vien' end
                from (
                    select s0.*,
                        case when r < 0.03 then 'REFUSED' when r < 0.05 then 'CLOSED_WITHOUT_SUPPLEMENT'
                            when r < 0.0505 or (r < 0.06 and received >= timestamp '2025-11-01') then 'AWAITING_SUPPLEMENT'
                            when r < 0.08 and received >= timestamp '2025-11-01' then 'IN_PROGRESS'
                            else 'RESULT_RETURNED' end as status
                    from (
                        select g, timestamp '2021-01-01 00:00' + (g::float8 / ?) * interval '1826 days' as received,
                            (g::bigint * 7919) % ? as u, (g::bigint * 104729) % ? as p,
                            random() as rc, random() as rr, random() as r, random() as speed
                        from generate_series(1, ?) g) s0) s
                order by g""")
                .params(DOSSIERS, UNITS, PROCEDURES, DOSSIERS)
                .update();
    }
}
