package vn.motcua.audit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read
 * Vietnamese). A value that a spreadsheet would run as a formula is prefixed with an apostrophe:
 * officers' and citizens' input ends up here.
 */
public final class AuditCsv {

    private static final String HEADER = "id,occurred_at,actor,action,dossier_code,unit_code,target,detail,client_address";

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (AuditEntry e : entries) {
            csv.append(Stream.of(String.valueOf(e.id()), e.occurredAt().toString(), e.actor(), e.action().name(),
                    e.dossierCode(), e.unitCode(), e.target(), e.detail(), e.clientAddress())
                    .map(AuditCsv::cell)
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** One quoted CSV field, defused against formula injection; also used by the report exports. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
