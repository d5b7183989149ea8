package vn.motcua.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables fee, bank_notice and payment_exception (V13). Timestamps in UTC. */
@Repository
class FeeRepository {

    private final JdbcClient jdbc;

    FeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Fee fee) {
        jdbc.sql("""
                insert into fee (dossier_code, unit_code, procedure_key, procedure_code, amount, exemption_reason, stage,
                    status, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(fee.dossierCode(), fee.unitCode(), fee.procedureKey(), fee.procedureCode(), fee.amount(),
                        fee.exemptionReason(), fee.stage(), fee.status().name(), timestamp(fee.assessedAt()))
                .update();
    }

    Optional<Fee> find(String dossierCode) {
        return jdbc.sql("select * from fee where dossier_code = ?").param(dossierCode).query(FeeRepository::fee).optional();
    }

    /**
     * The fee, its row locked until the transaction ends: the lifecycle deciding whether to wait and a
     * payment being recorded take turns, so a payment is never missed by a lifecycle about to wait.
     */
    Optional<Fee> lock(String dossierCode) {
        return jdbc.sql("select * from fee where dossier_code = ? for update").param(dossierCode)
                .query(FeeRepository::fee).optional();
    }

    void payBy(String dossierCode, Instant payBy) {
        jdbc.sql("update fee set pay_by = ? where dossier_code = ?").params(timestamp(payBy), dossierCode).update();
    }

    /** Records the payment if the fee is still due; false when it was paid already (the second one is a duplicate). */
    boolean markPaid(String dossierCode, long amount, String paidBy, Instant paidAt, String noticeBank, String noticeId,
            String recordedBy) {
        return jdbc.sql("""
                update fee set status = 'PAID', paid_amount = ?, paid_by = ?, paid_at = ?, notice_bank = ?, notice_id = ?,
                    recorded_by = ?
                where dossier_code = ? and status = 'DUE'
                """)
                .params(amount, paidBy, timestamp(paidAt), noticeBank, noticeId, recordedBy, dossierCode)
                .update() == 1;
    }

    /** A due fee whose dossier code, without its dots and dashes, is in the reference (banks strip them). */
    List<String> dueCodesIn(String normalisedReference, String unitCode) {
        return jdbc.sql("""
                select dossier_code from fee
                where status = 'DUE' and unit_code = ?
                  and ? like concat('%', replace(replace(upper(dossier_code), '.', ''), '-', ''), '%')
                """)
                .params(unitCode, normalisedReference)
                .query(String.class).list();
    }

    /** The notice, unless this bank sent one with this id before (then false: a replay). */
    boolean insertNotice(String bank, String noticeId, String account, long amount, String reference, Instant paidAt,
            Instant receivedAt) {
        try {
            jdbc.sql("""
                    insert into bank_notice (bank, notice_id, account, amount, reference, paid_at, received_at, outcome)
                    values (?, ?, ?, ?, ?, ?, ?, 'RECEIVED')
                    """)
                    .params(bank, noticeId, account, amount, reference, timestamp(paidAt), timestamp(receivedAt))
                    .update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    void noticeOutcome(String bank, String noticeId, String outcome, String dossierCode) {
        jdbc.sql("update bank_notice set outcome = ?, dossier_code = ? where bank = ? and notice_id = ?")
                .params(outcome, dossierCode, bank, noticeId).update();
    }

    void insertException(PaymentException e) {
        jdbc.sql("""
                insert into payment_exception (unit_code, kind, bank, notice_id, dossier_code, amount, expected, reference,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(e.unitCode(), e.kind().name(), e.bank(), e.noticeId(), e.dossierCode(), e.amount(), e.expected(),
                        e.reference(), timestamp(e.createdAt()))
                .update();
    }

    List<PaymentException> openExceptions(String unitCode) {
        return jdbc.sql("select * from payment_exception where unit_code = ? and resolved_at is null order by id")
                .param(unitCode).query(FeeRepository::exception).list();
    }

    /** Exceptions no unit could be found for (an account not configured): the administrators' list. */
    List<PaymentException> openUnassignedExceptions() {
        return jdbc.sql("select * from payment_exception where unit_code is null and resolved_at is null order by id")
                .query(FeeRepository::exception).list();
    }

    Optional<PaymentException> exception(long id) {
        return jdbc.sql("select * from payment_exception where id = ?").param(id).query(FeeRepository::exception).optional();
    }

    boolean resolve(long id, Instant at, String by, String resolution) {
        return jdbc.sql("""
                update payment_exception set resolved_at = ?, resolved_by = ?, resolution = ?
                where id = ? and resolved_at is null
                """)
                .params(timestamp(at), by, resolution, id).update() == 1;
    }

    /** Fees paid in {@code [from, to)}, per unit and procedure; one unit, or all when {@code unitCode} is null. */
    List<FeeTotal> totals(String unitCode, Instant from, Instant to) {
        return jdbc.sql("""
                select unit_code, procedure_key, procedure_code, paid_by, count(*) as payments, sum(paid_amount) as amount
                from fee
                where status = 'PAID' and paid_at >= ? and paid_at < ? and (cast(? as varchar(32)) is null or unit_code = ?)
                group by unit_code, procedure_key, procedure_code, paid_by
                order by unit_code, procedure_code, paid_by
                """)
                .params(timestamp(from), timestamp(to), unitCode, unitCode)
                .query((rs, row) -> new FeeTotal(rs.getString("unit_code"), rs.getString("procedure_key"),
                        rs.getString("procedure_code"), rs.getString("paid_by"), rs.getLong("payments"), rs.getLong("amount")))
                .list();
    }

    private static Fee fee(ResultSet rs, int row) throws SQLException {
        long paid = rs.getLong("paid_amount");
        Long paidAmount = rs.wasNull() ? null : paid;
        return new Fee(rs.getString("dossier_code"), rs.getString("unit_code"), rs.getString("procedure_key"),
                rs.getString("procedure_code"), rs.getLong("amount"), rs.getString("exemption_reason"),
                rs.getString("stage"), Fee.Status.valueOf(rs.getString("status")), instant(rs, "assessed_at"), instant(rs, "pay_by"),
                instant(rs, "paid_at"), paidAmount, rs.getString("paid_by"), rs.getString("recorded_by"));
    }

    private static PaymentException exception(ResultSet rs, int row) throws SQLException {
        long expected = rs.getLong("expected");
        Long expectedAmount = rs.wasNull() ? null : expected;
        return new PaymentException(rs.getLong("id"), rs.getString("unit_code"),
                PaymentException.Kind.valueOf(rs.getString("kind")), rs.getString("bank"), rs.getString("notice_id"),
                rs.getString("dossier_code"), rs.getLong("amount"), expectedAmount, rs.getString("reference"),
                instant(rs, "created_at"), instant(rs, "resolved_at"), rs.getString("resolved_by"),
                rs.getString("resolution"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
