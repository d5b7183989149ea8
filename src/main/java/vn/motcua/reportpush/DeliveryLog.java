package vn.motcua.reportpush;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The tables report_delivery and report_delivery_attempt (V12; V80 adds the event deliveries of the
 * dossier feed). Attempts and outcomes are written in transactions of their own: the engine job that
 * sends rolls back when the receiver fails, and the log must keep the failure.
 */
@Repository
class DeliveryLog {

    private static final String SELECT = """
            select d.*, e.event_type from report_delivery d left join dossier_feed_event e on e.id = d.event_id
            """;

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
        return db.sql(SELECT + "where d.id = ?").param(id).query(this::delivery).optional().map(this::withAttempts);
    }

    List<ReportDelivery> ofInstance(String processInstanceId) {
        return db.sql(SELECT + "where d.process_instance_id = ? order by d.endpoint")
                .param(processInstanceId).query(this::delivery).list();
    }

    /** Report deliveries of periods that start in [from, to], newest first, at most {@code limit}. */
    List<ReportDelivery> search(LocalDate from, LocalDate to, String endpoint, ReportDelivery.Status status, int limit) {
        return db.sql(SELECT + """
                where d.event_id is null and d.period_from between :from and :to
                  and (cast(:endpoint as varchar) is null or d.endpoint = :endpoint)
                  and (cast(:status as varchar) is null or d.status = :status)
                order by d.created_at desc, d.id fetch first :limit rows only""")
                .param("from", from).param("to", to).param("endpoint", endpoint)
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query(this::delivery).list();
    }

    /** Event deliveries of one dossier, in the order of its feed per endpoint (re-sends after the first delivery). */
    List<ReportDelivery> ofDossier(String dossierCode, String endpoint, ReportDelivery.Status status) {
        return db.sql(SELECT + """
                where d.dossier_code = :dossier
                  and (cast(:endpoint as varchar) is null or d.endpoint = :endpoint)
                  and (cast(:status as varchar) is null or d.status = :status)
                order by d.endpoint, d.sequence, d.created_at, d.id""")
                .param("dossier", dossierCode).param("endpoint", endpoint)
                .param("status", status == null ? null : status.name())
                .query(this::delivery).list();
    }

    /** Event deliveries created in [from, to), newest first, at most {@code limit}. */
    List<ReportDelivery> events(Instant from, Instant to, String endpoint, ReportDelivery.Status status, int limit) {
        return db.sql(SELECT + """
                where d.event_id is not null and d.created_at >= :from and d.created_at < :to
                  and (cast(:endpoint as varchar) is null or d.endpoint = :endpoint)
                  and (cast(:status as varchar) is null or d.status = :status)
                order by d.created_at desc, d.id fetch first :limit rows only""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("endpoint", endpoint)
                .param("status", status == null ? null : status.name()).param("limit", limit)
                .query(this::delivery).list();
    }

    /** A delivery of a feed event to an endpoint, in the caller's transaction: the first (EVENT) or a re-send. */
    String createEvent(String endpoint, String eventId, String dossierCode, int sequence, ReportDelivery.Trigger trigger,
            String requestedBy) {
        String id = UUID.randomUUID().toString();
        db.sql("""
                insert into report_delivery (id, endpoint, units, trigger_type, requested_by, status, attempts, created_at,
                    event_id, first_event_id, dossier_code, sequence)
                values (?, ?, '', ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)""")
                .params(id, endpoint, trigger.name(), requestedBy, now(), eventId,
                        trigger == ReportDelivery.Trigger.EVENT ? eventId : null, dossierCode, sequence).update();
        return id;
    }

    /** The dossier's events that have no first delivery to the endpoint yet, in order: (event id, sequence). */
    List<Map.Entry<String, Integer>> eventsNotYetFor(String dossierCode, String endpoint) {
        return db.sql("""
                select e.id, e.sequence from dossier_feed_event e where e.dossier_code = ?
                  and not exists (select 1 from report_delivery d where d.event_id = e.id and d.endpoint = ?
                                  and d.trigger_type = 'EVENT')
                order by e.sequence""").params(dossierCode, endpoint)
                .query((row, i) -> Map.entry(row.getString("id"), row.getInt("sequence"))).list();
    }

    /** Whether an EVENT delivery of the dossier to the endpoint has its job and was not accepted yet. */
    boolean eventInFlight(String dossierCode, String endpoint) {
        return db.sql("""
                select count(*) from report_delivery where dossier_code = ? and endpoint = ? and trigger_type = 'EVENT'
                  and dispatched_at is not null and status <> 'DELIVERED'""")
                .params(dossierCode, endpoint).query(Integer.class).single() > 0;
    }

    /** The EVENT delivery of the dossier to the endpoint next in line: the lowest sequence without a job. */
    Optional<String> nextEventToDispatch(String dossierCode, String endpoint) {
        return db.sql("""
                select id from report_delivery where dossier_code = ? and endpoint = ? and trigger_type = 'EVENT'
                  and dispatched_at is null order by sequence fetch first 1 rows only""")
                .params(dossierCode, endpoint).query(String.class).optional();
    }

    /** The {@code dossier_feed} (or {@code report_push}) instance whose job sends the delivery. */
    String processInstanceOf(String id) {
        return db.sql("select process_instance_id from report_delivery where id = ?").param(id).query(String.class).single();
    }

    /** The delivery's engine job was created, in the process instance given. */
    void dispatched(String id, String processInstanceId) {
        db.sql("update report_delivery set dispatched_at = ?, process_instance_id = ? where id = ?")
                .params(now(), processInstanceId, id).update();
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
                d.lastAttemptAt(), d.deliveredAt(), d.event(), d.dispatchedAt(), attempts);
    }

    private ReportDelivery delivery(ResultSet row, int i) throws SQLException {
        String units = row.getString("units");
        String periodType = row.getString("period_type");
        String eventId = row.getString("event_id");
        return new ReportDelivery(row.getString("id"), row.getString("endpoint"),
                periodType == null ? null : PeriodKind.valueOf(periodType), row.getObject("period_from", LocalDate.class),
                row.getObject("period_to", LocalDate.class),
                units == null || units.isEmpty() ? List.of() : Arrays.asList(units.split(",")),
                ReportDelivery.Trigger.valueOf(row.getString("trigger_type")), row.getString("requested_by"),
                ReportDelivery.Status.valueOf(row.getString("status")), row.getInt("attempts"),
                (Integer) row.getObject("last_status_code", Integer.class), row.getString("last_error"),
                instant(row, "created_at"), instant(row, "last_attempt_at"), instant(row, "delivered_at"),
                eventId == null ? null : new ReportDelivery.FeedEvent(eventId, row.getString("dossier_code"),
                        row.getInt("sequence"), row.getString("event_type")),
                instant(row, "dispatched_at"), List.of());
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
