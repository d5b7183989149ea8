package vn.motcua.reportpush;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.reports.ReportPeriod;
import vn.motcua.reports.PeriodKind;

/**
 * The tables report_delivery and report_delivery_attempt (V12). Attempts and outcomes are written in
 * transactions of their own: the engine job that sends rolls back when the receiver fails, and the
 * log must keep the failure.
 */
@Repository
class DeliveryLog {

    private final JdbcClient db;
    private final TransactionTemplate own;
    private final TransactionTemplate savepoint;

    DeliveryLog(JdbcClient db, PlatformTransactionManager transactions) {
        this.db = db;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        // A refused insert aborts the whole transaction on PostgreSQL; the savepoint keeps the job's usable.
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * A new delivery in the caller's transaction. A scheduled one exists once per endpoint and period
     * (unique key): empty when another run already created it.
     */
    Optional<String> create(String endpoint, ReportPeriod period, List<String> units, ReportDelivery.Trigger trigger,
            String requestedBy, String processInstanceId) {
        String id = UUID.randomUUID().toString();
        String scheduledKey = trigger == ReportDelivery.Trigger.SCHEDULED
                ? endpoint + "|" + period.kind() + "|" + period.from() : null;
        try {
            savepoint.executeWithoutResult(tx -> db.sql("""
                    insert into report_delivery (id, endpoint, period_type, period_from, period_to, units, trigger_type,
                        scheduled_key, requested_by, status, attempts, process_instance_id, created_at)
                    values (:id, :endpoint, :type, :from, :to, :units, :trigger, :key, :by, 'PENDING', 0, :instance, :now)""")
                    .param("id", id).param("endpoint", endpoint).param("type", period.kind().name())
                    .param("from", period.from()).param("to", period.to()).param("units", String.join(",", units))
                    .param("trigger", trigger.name()).param("key", scheduledKey).param("by", requestedBy)
                    .param("instance", processInstanceId).param("now", now()).update());
            return Optional.of(id);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    Optional<ReportDelivery> find(String id) {
        return db.sql("select * from report_delivery where id = ?").param(id).query(this::delivery).optional()
                .map(this::withAttempts);
    }

    List<ReportDelivery> ofInstance(String processInstanceId) {
        return db.sql("select * from report_delivery where process_instance_id = ? order by endpoint")
                .param(processInstanceId).query(this::delivery).list();
    }

    /** Deliveries of periods that start in [from, to], newest first, at most {@code limit}. */
    List<ReportDelivery> search(LocalDate from, LocalDate to, String endpoint, ReportDelivery.Status status, int limit) {
        return db.sql("""
                select * from report_delivery
                where period_from between :from and :to
                  and (cast(:endpoint as varchar) is null or endpoint = :endpoint)
                  and (cast(:status as varchar) is null or status = :status)
                order by created_at desc, id fetch first :limit rows only""")
                .param("from", from).param("to", to).param("endpoint", endpoint)
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query(this::delivery).list();
    }

    /** Records an attempt and its outcome, committed whatever the caller's transaction does next. */
    void recordAttempt(String id, int number, Instant startedAt, long durationMillis, Integer statusCode, String error) {
        own.executeWithoutResult(tx -> {
            db.sql("""
                    insert into report_delivery_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, number, Timestamp.from(startedAt), durationMillis, statusCode, truncate(error)).update();
            db.sql("""
                    update report_delivery set attempts = ?, last_status_code = ?, last_error = ?, last_attempt_at = ?,
                        status = ?, delivered_at = ?
                    where id = ?""")
                    .params(number, statusCode, truncate(error), Timestamp.from(startedAt),
                            error == null ? "DELIVERED" : "FAILED", error == null ? now() : null, id)
                    .update();
        });
    }

    private ReportDelivery withAttempts(ReportDelivery d) {
        List<ReportDelivery.Attempt> attempts = db.sql("""
                select attempt, started_at, duration_ms, status_code, error from report_delivery_attempt
                where delivery_id = ? order by attempt""").param(d.id())
                .query((row, i) -> new ReportDelivery.Attempt(row.getInt("attempt"), row.getTimestamp("started_at").toInstant(),
                        row.getLong("duration_ms"), (Integer) row.getObject("status_code", Integer.class), row.getString("error")))
                .list();
        return new ReportDelivery(d.id(), d.endpoint(), d.periodType(), d.periodFrom(), d.periodTo(), d.units(), d.trigger(),
                d.requestedBy(), d.status(), d.attempts(), d.lastStatusCode(), d.lastError(), d.createdAt(),
                d.lastAttemptAt(), d.deliveredAt(), attempts);
    }

    private ReportDelivery delivery(ResultSet row, int i) throws SQLException {
        String units = row.getString("units");
        return new ReportDelivery(row.getString("id"), row.getString("endpoint"),
                PeriodKind.valueOf(row.getString("period_type")), row.getObject("period_from", LocalDate.class),
                row.getObject("period_to", LocalDate.class),
                units == null || units.isEmpty() ? List.of() : Arrays.asList(units.split(",")),
                ReportDelivery.Trigger.valueOf(row.getString("trigger_type")), row.getString("requested_by"),
                ReportDelivery.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                (Integer) row.getObject("last_status_code", Integer.class), row.getString("last_error"),
                instant(row, "created_at"), instant(row, "last_attempt_at"), instant(row, "delivered_at"), List.of());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp now() {
        return new Timestamp(ClockUtil.getCurrentTime().getTime());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
