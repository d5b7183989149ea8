package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes dossiers straight into the tables with fixed instants, the way the application leaves them:
 * times in the agency's zone, stored as UTC.
 */
final class ReportHistory {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final JdbcClient jdbc;

    ReportHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A dossier with its submission, due date, settlement and pause (null: none); returns its id. */
    long dossier(String code, String unit, String procedureKey, String channel, String resultChannel, String status,
            LocalDateTime received, LocalDateTime due, LocalDateTime finished, LocalDateTime paused) {
        jdbc.sql("""
                insert into dossier (code, procedure_key, procedure_version, procedure_code, procedure_name, unit_code,
                    deciding_unit_code, channel, result_channel, status, applicant_name, form_data, deadline_days,
                    received_at, counting_started_at, due_at, original_due_at, finished_at, clock_paused_at,
                    legal_deadline, current_step, current_holder)
                values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 3, ?, ?, ?, ?, ?, ?, '3d', ?, ?)""")
                .params(code, procedureKey, codeOf(procedureKey), nameOf(procedureKey), unit, unit, channel, resultChannel,
                        status, "Người nộp " + code, at(received), at(received), at(due), at(due), at(finished),
                        at(paused), finished == null ? "Thẩm định hồ sơ" : null, finished == null ? "specialist" : null)
                .update();
        return jdbc.sql("select id from dossier where code = ?").param(code).query(Long.class).single();
    }

    /** The clock policy PAUSE moved the due date after a supplement: the receipt promised {@code original}. */
    void dueMovedFrom(String code, LocalDateTime original, long pausedSeconds) {
        jdbc.sql("update dossier set original_due_at = ?, paused_seconds = ? where code = ?")
                .params(at(original), pausedSeconds, code).update();
    }

    /** The head issued an apology letter with a new appointment; the due date stays. */
    void apology(long dossierId, LocalDate newAppointment, LocalDateTime issued) {
        jdbc.sql("update dossier set new_appointment_date = ?, apology_reason = 'Cần xác minh thêm' where id = ?")
                .params(newAppointment, dossierId).update();
        jdbc.sql("""
                insert into apology_letter (dossier_id, number, reason, new_appointment_date, issued_at, issued_by, pdf)
                values (?, 1, 'Cần xác minh thêm', ?, ?, 'head', ?)""")
                .params(dossierId, newAppointment, at(issued), new byte[] {'%', 'P', 'D', 'F'}).update();
    }

    void evaluation(long dossierId, String unit, String overall, LocalDateTime submitted) {
        jdbc.sql("""
                insert into evaluation (dossier_id, unit_code, procedure_key, overall, timeliness, staff_attitude,
                    information_clarity, contacts_needed, submitted_at)
                values (?, ?, 'household_business_registration', ?, ?, ?, ?, 1, ?)""")
                .params(dossierId, unit, overall, overall, overall, overall, at(submitted)).update();
    }

    /** A row of the control sheet; {@code dueAt} for deadline rows. */
    void event(long dossierId, String type, String stepId, String to, LocalDateTime occurred, LocalDateTime dueAt) {
        jdbc.sql("""
                insert into dossier_event (dossier_id, occurred_at, event_type, step_id, to_party, status, due_at)
                values (?, ?, ?, ?, ?, 'IN_PROGRESS', ?)""")
                .params(dossierId, at(occurred), type, stepId, to, at(dueAt)).update();
    }

    static Timestamp at(LocalDateTime local) {
        return local == null ? null : Timestamp.from(local.atZone(ZONE).toInstant());
    }

    static Instant instant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    private static String codeOf(String procedureKey) {
        return procedureKey.startsWith("household") ? "2.000720" : "9.000001";
    }

    private static String nameOf(String procedureKey) {
        return procedureKey.startsWith("household") ? "Đăng ký thành lập hộ kinh doanh" : "Thủ tục thử báo cáo";
    }
}
