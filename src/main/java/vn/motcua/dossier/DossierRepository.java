package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.catalogue.ResultChannel;

/** The dossier and dossier_event tables. Timestamps are stored in UTC, as every node runs in UTC. */
@Repository
class DossierRepository {

    private static final TypeReference<Map<String, Object>> FORM_DATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    DossierRepository(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    long insert(Dossier d) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dossier (code, procedure_key, procedure_version, procedure_code, procedure_name,
                    legal_basis, unit_code, deciding_unit_code, channel, result_channel, status, applicant_name, applicant_id_number,
                    applicant_phone, applicant_email, applicant_address, form_data, deadline_days,
                    legal_deadline, received_at, submitted_by, assisted_by)
                values (:code, :procedureKey, :procedureVersion, :procedureCode, :procedureName,
                    :legalBasis, :unitCode, :decidingUnitCode, :channel, :resultChannel, :status, :applicantName, :applicantIdNumber,
                    :applicantPhone, :applicantEmail, :applicantAddress, :formData, :deadlineDays,
                    :legalDeadline, :receivedAt, :submittedBy, :assistedBy)
                """)
                .param("code", d.code())
                .param("procedureKey", d.procedureKey())
                .param("procedureVersion", d.procedureVersion())
                .param("procedureCode", d.procedureCode())
                .param("procedureName", d.procedureName())
                .param("legalBasis", d.legalBasis())
                .param("unitCode", d.unitCode())
                .param("decidingUnitCode", d.decidingUnitCode())
                .param("channel", d.channel().name())
                .param("resultChannel", d.resultChannel().name())
                .param("status", d.status().name())
                .param("applicantName", d.applicant().name())
                .param("applicantIdNumber", d.applicant().idNumber())
                .param("applicantPhone", d.applicant().phone())
                .param("applicantEmail", d.applicant().email())
                .param("applicantAddress", d.applicant().address())
                .param("formData", toJson(d.formData()))
                .param("deadlineDays", d.deadlineDays())
                .param("legalDeadline", d.clock().legalDeadline())
                .param("receivedAt", timestamp(d.receivedAt()))
                .param("submittedBy", d.submittedBy())
                .param("assistedBy", d.assistedBy())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Dossier> findByCode(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code).query(this::dossier).optional();
    }

    /** Newest first; V10 indexes the column. */
    List<Dossier> findByApplicantIdNumber(String idNumber, int limit) {
        return jdbc.sql("select * from dossier where applicant_id_number = ? order by received_at desc, id desc limit ?")
                .params(idNumber, limit).query(this::dossier).list();
    }

    /** Codes only: the desk display shows nothing else of a dossier. */
    List<String> codesReadyAtCounter(String unitCode, int limit) {
        return jdbc.sql("""
                select code from dossier
                where unit_code = ? and status = 'AWAITING_RESULT_RETURN' and result_channel = 'COUNTER'
                order by code limit ?
                """).params(unitCode, limit).query(String.class).list();
    }

    void updateProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update dossier set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void updateLookupSecret(long id, String hash) {
        jdbc.sql("update dossier set lookup_secret_hash = ? where id = ?").params(hash, id).update();
    }

    Optional<String> lookupSecretHash(String code) {
        return jdbc.sql("select lookup_secret_hash from dossier where code = ?").param(code).query(String.class).optional();
    }

    void updateFormData(long id, Map<String, Object> formData, Applicant applicant) {
        jdbc.sql("""
                update dossier set form_data = ?, applicant_name = ?, applicant_id_number = ?,
                    applicant_phone = ?, applicant_email = ?, applicant_address = ?
                where id = ?""")
                .params(toJson(formData), applicant.name(), applicant.idNumber(), applicant.phone(),
                        applicant.email(), applicant.address(), id)
                .update();
    }

    void updateStatus(long id, DossierStatus status) {
        jdbc.sql("update dossier set status = ? where id = ?").params(status.name(), id).update();
    }

    void markAccepted(long id, Instant acceptedAt) {
        jdbc.sql("update dossier set status = ?, accepted_at = ? where id = ?")
                .params(DossierStatus.IN_PROGRESS.name(), timestamp(acceptedAt), id).update();
    }

    void markDecided(long id, Decision decision) {
        jdbc.sql("update dossier set status = ?, decision = ? where id = ?")
                .params(DossierStatus.AWAITING_RESULT_RETURN.name(), decision.name(), id).update();
    }

    void markFinished(long id, DossierStatus status, Instant finishedAt) {
        jdbc.sql("update dossier set status = ?, finished_at = ?, current_step = null, current_holder = null where id = ?")
                .params(status.name(), timestamp(finishedAt), id).update();
    }

    void startClock(long id, Instant countingStart, Instant dueAt, SortedSet<Integer> provisionalYears) {
        jdbc.sql("""
                update dossier set counting_started_at = ?, due_at = ?, original_due_at = coalesce(original_due_at, ?),
                provisional_years = ? where id = ?""")
                .params(timestamp(countingStart), timestamp(dueAt), timestamp(dueAt),
                        DossierClock.column(provisionalYears), id).update();
    }

    /** The clock starts anew at the acceptance of an online dossier: the appointment given is this due date. */
    void restartClock(long id, Instant countingStart, Instant dueAt, SortedSet<Integer> provisionalYears) {
        jdbc.sql("""
                update dossier set counting_started_at = ?, due_at = ?, original_due_at = ?, paused_seconds = 0,
                provisional_years = ? where id = ?""")
                .params(timestamp(countingStart), timestamp(dueAt), timestamp(dueAt),
                        DossierClock.column(provisionalYears), id).update();
    }

    void recomputeDue(long id, Instant dueAt, SortedSet<Integer> provisionalYears) {
        jdbc.sql("update dossier set due_at = ?, provisional_years = ? where id = ?")
                .params(timestamp(dueAt), DossierClock.column(provisionalYears), id).update();
    }

    /** Codes of open dossiers whose due date rests on {@code year} counted provisionally. */
    List<String> openCodesProvisionalOn(int year) {
        // provisional_years is a short comma-separated list: match the year as a whole item.
        return jdbc.sql("""
                select code from dossier where finished_at is null and provisional_years is not null
                and (',' || provisional_years || ',') like ? order by id""")
                .param("%," + year + ",%").query(String.class).list();
    }

    void pauseClock(long id, Instant pausedAt) {
        jdbc.sql("update dossier set clock_paused_at = ? where id = ?").params(timestamp(pausedAt), id).update();
    }

    void resumeClock(long id, Instant countingStart, Duration paused, Instant dueAt, SortedSet<Integer> provisionalYears) {
        jdbc.sql("""
                update dossier set clock_paused_at = null, counting_started_at = ?, paused_seconds = ?, due_at = ?,
                provisional_years = ? where id = ?""")
                .params(timestamp(countingStart), paused.toSeconds(), timestamp(dueAt),
                        DossierClock.column(provisionalYears), id).update();
    }

    void markOverdue(long id, Instant overdueAt) {
        jdbc.sql("update dossier set overdue_at = coalesce(overdue_at, ?) where id = ?")
                .params(timestamp(overdueAt), id).update();
    }

    void newAppointment(long id, LocalDate date, String reason) {
        jdbc.sql("update dossier set new_appointment_date = ?, apology_reason = ? where id = ?")
                .params(date, reason, id).update();
    }

    void updateHolder(long id, String step, String holder) {
        jdbc.sql("update dossier set current_step = ?, current_holder = ? where id = ?").params(step, holder, id).update();
    }

    void append(long dossierId, DossierEvent e) {
        jdbc.sql("""
                insert into dossier_event (dossier_id, occurred_at, event_type, step_id, step_name,
                    from_party, to_party, actor, outcome, note, status, previous_due_at, due_at, from_unit_code,
                    to_unit_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, timestamp(e.occurredAt()), e.type().name(), e.stepId(), e.stepName(),
                        e.from(), e.to(), e.actor(), e.outcome(), e.note(), e.status().name(),
                        timestamp(e.previousDueAt()), timestamp(e.dueAt()), e.fromUnit(), e.toUnit())
                .update();
        // Here, where every row is written whoever writes it, so no row escapes the listeners (the event feed).
        events.publishEvent(new ControlSheetAppended(
                jdbc.sql("select * from dossier where id = ?").param(dossierId).query(this::dossier).single(), e));
    }

    List<DossierEvent> events(long dossierId) {
        return jdbc.sql("select * from dossier_event where dossier_id = ? order by id")
                .param(dossierId)
                .query((rs, row) -> new DossierEvent(
                        instant(rs, "occurred_at"),
                        EventType.valueOf(rs.getString("event_type")),
                        rs.getString("step_id"),
                        rs.getString("step_name"),
                        rs.getString("from_party"),
                        rs.getString("to_party"),
                        rs.getString("actor"),
                        rs.getString("outcome"),
                        rs.getString("note"),
                        DossierStatus.valueOf(rs.getString("status")),
                        instant(rs, "previous_due_at"),
                        instant(rs, "due_at"),
                        rs.getString("from_unit_code"),
                        rs.getString("to_unit_code")))
                .list();
    }

    private Dossier dossier(ResultSet rs, int row) throws SQLException {
        String decision = rs.getString("decision");
        return new Dossier(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("procedure_key"),
                rs.getInt("procedure_version"),
                rs.getString("procedure_code"),
                rs.getString("procedure_name"),
                rs.getString("legal_basis"),
                rs.getString("unit_code"),
                Channel.valueOf(rs.getString("channel")),
                ResultChannel.valueOf(rs.getString("result_channel")),
                DossierStatus.valueOf(rs.getString("status")),
                decision == null ? null : Decision.valueOf(decision),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                        rs.getString("applicant_phone"), rs.getString("applicant_email"),
                        rs.getString("applicant_address")),
                fromJson(rs.getString("form_data")),
                rs.getInt("deadline_days"),
                instant(rs, "received_at"),
                instant(rs, "accepted_at"),
                instant(rs, "due_at"),
                instant(rs, "finished_at"),
                rs.getString("current_step"),
                rs.getString("current_holder"),
                rs.getString("submitted_by"),
                rs.getString("assisted_by"),
                rs.getString("process_instance_id"),
                new DossierClock(
                        rs.getString("legal_deadline"),
                        instant(rs, "counting_started_at"),
                        instant(rs, "original_due_at"),
                        instant(rs, "clock_paused_at"),
                        Duration.ofSeconds(rs.getLong("paused_seconds")),
                        instant(rs, "overdue_at"),
                        rs.getObject("new_appointment_date", LocalDate.class),
                        rs.getString("apology_reason"),
                        DossierClock.years(rs.getString("provisional_years"))),
                rs.getString("deciding_unit_code"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private String toJson(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Form data cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return json.readValue(text, FORM_DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored form data is not JSON", e);
        }
    }
}
