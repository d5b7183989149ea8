package vn.motcua.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit trail, in the caller's transaction (an engine step and its audit row
 * commit together). Nothing here updates or deletes a row.
 */
@Service
public class AuditTrail {

    static final int MAX_ROWS = 10_000;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, AuditAction action, String dossierCode, String unitCode, String target,
            String detail, String clientAddress) {
        jdbc.sql("""
                insert into audit_log (occurred_at, actor, action, dossier_code, unit_code, target, detail, client_address)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(now()), cut(actor == null ? "system" : actor, 128), action.name(),
                        cut(dossierCode, 64), cut(unitCode, 32), cut(target, 200), cut(detail, 1000),
                        cut(clientAddress, 64))
                .update();
    }

    List<AuditEntry> ofDossier(String dossierCode) {
        return jdbc.sql(SELECT + " where dossier_code = ? order by id limit " + MAX_ROWS)
                .param(dossierCode)
                .query(AuditEntry.class)
                .list();
    }

    List<AuditEntry> ofUnit(String unitCode, Instant from, Instant to) {
        return jdbc.sql(SELECT + " where unit_code = ? and occurred_at >= ? and occurred_at < ? order by id limit " + MAX_ROWS)
                .params(unitCode, Timestamp.from(from), Timestamp.from(to))
                .query(AuditEntry.class)
                .list();
    }

    private static final String SELECT = """
            select id, occurred_at, actor, action, dossier_code, unit_code, target, detail, client_address
            from audit_log""";

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    // The engine's clock, so that tests which move it move audit times too.
    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
