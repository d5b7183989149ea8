package vn.motcua.sla;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The apology_letter table: each letter with the PDF exactly as it was sent. */
@Repository
class ApologyLetterRepository {

    private final JdbcClient jdbc;

    ApologyLetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextNumber(long dossierId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from apology_letter where dossier_id = ?")
                .param(dossierId).query(Integer.class).single();
    }

    void insert(long dossierId, ApologyLetter letter, byte[] pdf) {
        jdbc.sql("""
                insert into apology_letter (dossier_id, number, reason, new_appointment_date, issued_at, issued_by, pdf)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, letter.number(), letter.reason(), letter.newAppointmentDate(),
                        Timestamp.from(letter.issuedAt()), letter.issuedBy(), pdf)
                .update();
    }

    List<ApologyLetter> list(long dossierId) {
        return jdbc.sql("""
                select number, reason, new_appointment_date, issued_at, issued_by from apology_letter
                where dossier_id = ? order by number""")
                .param(dossierId)
                .query((rs, row) -> new ApologyLetter(rs.getInt("number"), rs.getString("reason"),
                        rs.getObject("new_appointment_date", java.time.LocalDate.class),
                        rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by")))
                .list();
    }

    Optional<byte[]> pdf(long dossierId, int number) {
        return jdbc.sql("select pdf from apology_letter where dossier_id = ? and number = ?")
                .params(dossierId, number).query((rs, row) -> rs.getBytes("pdf")).optional();
    }
}
