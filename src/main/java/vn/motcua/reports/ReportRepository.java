package vn.motcua.reports;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * The report queries: aggregates over {@code dossier} and {@code evaluation}, never over the engine's
 * history. Timestamps are stored as UTC wall time (the JVM runs in UTC, docs/operations.md).
 */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;
    private final boolean postgresql;

    ReportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgresql = "PostgreSQL".equals(databaseName(dataSource));
    }

    /**
     * One row of the II.06a query: a deciding unit's figures for a procedure and the desk that received the
     * dossiers ({@code receivingUnitCode}, the unit itself unless they travelled), and how many were wholly online.
     */
    record Line(String unitCode, String receivingUnitCode, String procedureKey, String procedureCode,
            String procedureName, Figures figures, long whollyOnline) {
    }

    record UnitEvaluations(String unitCode, long evaluations, long verySatisfied, long satisfied, long notSatisfied) {
    }

    /**
     * The figures of every unit and procedure with a dossier on hand between {@code start} and {@code end}:
     * received before the end and not settled before the start. Open dossiers are judged at {@code asOf}.
     *
     * @param units null for every unit
     */
    List<Line> lines(Instant start, Instant end, Instant asOf, ZoneId zone, Collection<String> units, String procedureKey) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("s", timestamp(start), "e", timestamp(end), "a", timestamp(asOf)));
        if (units != null) {
            params.put("units", units);
        }
        if (procedureKey != null) {
            params.put("procedure", procedureKey);
        }
        if (postgresql) {
            // The planner's cost for a year of a large agency passes jit_above_cost, and compiling the
            // expressions then takes longer than running them (docs/performance.md). SET LOCAL ends with
            // the caller's read-only transaction.
            jdbc.sql("set local jit = off").update();
        }
        List<Line> lines = jdbc.sql(linesSql(zone, start, units != null, procedureKey != null)).params(params)
                .query(ReportRepository::line).list();
        Map<String, String[]> names = new HashMap<>();
        return lines.stream().map(line -> {
            String[] name = names.computeIfAbsent(line.procedureKey(), this::procedureName);
            return new Line(line.unitCode(), line.receivingUnitCode(), line.procedureKey(), name[0], name[1],
                    line.figures(), line.whollyOnline());
        }).toList();
    }

    /**
     * The procedure's code and name as its latest dossier has them; asked apart so that the figures
     * come from the report index alone (V11).
     */
    private String[] procedureName(String procedureKey) {
        return jdbc.sql("""
                select procedure_code, procedure_name from dossier where procedure_key = ?
                order by received_at desc fetch first 1 rows only""")
                .param(procedureKey)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /**
     * Parameters {@code :s}, {@code :e}, {@code :a}, and {@code :units}, {@code :procedure} when narrowed. A
     * dossier counts for the unit that decides it (docs/reports.md), one line per desk that received it.
     */
    static String linesSql(ZoneId zone, Instant start, boolean someUnits, boolean oneProcedure) {
        String resolved = "finished_at < :e and status = 'RESULT_RETURNED'";
        String open = "(finished_at is null or finished_at >= :e)";
        String localDay = "cast(%s + " + offsetLiteral(zone, start) + " as date)";
        return """
                select deciding_unit_code, unit_code, procedure_key,
                    sum(case when received_at < :s then 1 else 0 end) as carried_over,
                    sum(case when received_at >= :s and channel = 'ONLINE' then 1 else 0 end) as online,
                    sum(case when received_at >= :s and channel <> 'ONLINE' then 1 else 0 end) as counter_or_post,
                    sum(case when received_at >= :s and channel = 'ONLINE' and result_channel <> 'COUNTER' then 1 else 0 end)
                        as wholly_online,
                    sum(case when %1$s then 1 else 0 end) as resolved,
                    sum(case when %1$s and %3$s < %4$s then 1 else 0 end) as before_deadline,
                    sum(case when %1$s and finished_at > due_at then 1 else 0 end) as resolved_late,
                    sum(case when %2$s and (clock_paused_at is null or clock_paused_at >= :e) then 1 else 0 end) as in_progress,
                    sum(case when %2$s and (clock_paused_at is null or clock_paused_at >= :e) and due_at < :a then 1 else 0 end)
                        as overdue,
                    sum(case when %2$s and clock_paused_at < :e then 1 else 0 end) as awaiting_supplement,
                    sum(case when finished_at < :e and status = 'CLOSED_WITHOUT_SUPPLEMENT' then 1 else 0 end) as withdrawn,
                    sum(case when finished_at < :e and status = 'REFUSED' then 1 else 0 end) as refused
                from dossier
                where received_at < :e and (finished_at is null or finished_at >= :s)%5$s
                group by deciding_unit_code, procedure_key, unit_code
                order by deciding_unit_code, procedure_key, unit_code""".formatted(resolved, open, localDay.formatted("finished_at"),
                localDay.formatted("due_at"),
                (someUnits ? " and deciding_unit_code in (:units)" : "") + (oneProcedure ? " and procedure_key = :procedure" : ""));
    }

    List<UnitEvaluations> evaluations(Instant start, Instant end, Collection<String> units) {
        if (units != null && units.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("s", timestamp(start), "e", timestamp(end)));
        if (units != null) {
            params.put("units", units);
        }
        return jdbc.sql("""
                select unit_code, count(*) as evaluations,
                    sum(case when overall = 'VERY_SATISFIED' then 1 else 0 end) as very_satisfied,
                    sum(case when overall = 'SATISFIED' then 1 else 0 end) as satisfied,
                    sum(case when overall = 'NOT_SATISFIED' then 1 else 0 end) as not_satisfied
                from evaluation
                where submitted_at >= :s and submitted_at < :e""" + (units == null ? "" : " and unit_code in (:units)") + """

                group by unit_code""")
                .params(params)
                .query((rs, n) -> new UnitEvaluations(rs.getString("unit_code"), rs.getLong("evaluations"),
                        rs.getLong("very_satisfied"), rs.getLong("satisfied"), rs.getLong("not_satisfied")))
                .list();
    }

    /** Row of the overdue list before the report's moment turns it into durations. */
    record OpenDossier(String code, String procedureKey, String procedureName, String applicantName, String status,
            Instant dueAt, LocalDate newAppointmentDate, String currentStep, String currentHolder, Instant heldSince) {
    }

    /**
     * Open dossiers of the unit whose clock runs and that are past their due date at {@code now}, or were
     * warned about their due date in force (the dossier warning has no step).
     */
    List<OpenDossier> overdueOrAtRisk(String unitCode, Instant now) {
        return jdbc.sql("""
                select d.code, d.procedure_key, d.procedure_name, d.applicant_name, d.status, d.due_at,
                    d.new_appointment_date, d.current_step, d.current_holder,
                    (select max(h.occurred_at) from dossier_event h where h.dossier_id = d.id
                        and h.event_type in ('SUBMITTED', 'HANDED_OVER', 'TASK_REASSIGNED', 'STEP_COMPLETED')) as held_since
                from dossier d
                where d.deciding_unit_code = :unit and d.finished_at is null and d.clock_paused_at is null
                    and (d.due_at < :now or exists (select 1 from dossier_event w where w.dossier_id = d.id
                        and w.event_type = 'DEADLINE_WARNING' and w.step_id is null and w.due_at = d.due_at))
                order by d.due_at, d.code""")
                .param("unit", unitCode)
                .param("now", timestamp(now))
                .query((rs, n) -> new OpenDossier(rs.getString("code"), rs.getString("procedure_key"),
                        rs.getString("procedure_name"), rs.getString("applicant_name"), rs.getString("status"),
                        instant(rs, "due_at"), rs.getObject("new_appointment_date", LocalDate.class),
                        rs.getString("current_step"), rs.getString("current_holder"), instant(rs, "held_since")))
                .list();
    }

    boolean hasDossiersOf(String procedureKey) {
        return jdbc.sql("select case when exists (select 1 from dossier where procedure_key = ?) then 1 else 0 end")
                .param(procedureKey).query(Integer.class).single() == 1;
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        long carried = rs.getLong("carried_over");
        long online = rs.getLong("online");
        long counter = rs.getLong("counter_or_post");
        long resolved = rs.getLong("resolved");
        long before = rs.getLong("before_deadline");
        long late = rs.getLong("resolved_late");
        long inProgress = rs.getLong("in_progress");
        long overdue = rs.getLong("overdue");
        Figures figures = new Figures(new Figures.Received(carried + online + counter, carried, online, counter),
                new Figures.Resolved(resolved, before, resolved - before - late, late),
                new Figures.InProgress(inProgress, inProgress - overdue, overdue),
                rs.getLong("awaiting_supplement"), rs.getLong("withdrawn"), rs.getLong("refused"));
        return new Line(rs.getString("deciding_unit_code"), rs.getString("unit_code"), rs.getString("procedure_key"), null,
                null, figures, rs.getLong("wholly_online"));
    }

    /**
     * The agency's local date of a stored timestamp is the date of the timestamp moved by the zone's
     * offset (stored values are UTC). Asia/Ho_Chi_Minh has no daylight saving time, so one offset
     * holds for the whole period. Written as an SQL-standard interval literal, which PostgreSQL and
     * H2 both read.
     */
    static String offsetLiteral(ZoneId zone, Instant at) {
        int seconds = zone.getRules().getOffset(at).getTotalSeconds()
                - ZoneId.systemDefault().getRules().getOffset(at).getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return "interval '%s%d:%02d' hour to minute".formatted(seconds < 0 ? "-" : "", minutes / 60, minutes % 60);
    }

    private static String databaseName(DataSource dataSource) {
        try {
            return JdbcUtils.commonDatabaseName(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the reports run on", e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
