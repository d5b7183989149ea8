package vn.motcua.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void shouldQuoteEveryCellAndDoubleQuotes() {
        assertThat(AuditCsv.cell("Nguyễn \"An\", Ba Đình")).isEqualTo("\"Nguyễn \"\"An\"\", Ba Đình\"");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void shouldDisarmSpreadsheetFormulas() {
        for (String formula : List.of("=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tx")) {
            assertThat(AuditCsv.cell(formula)).as(formula).startsWith("\"'");
        }
        assertThat(AuditCsv.cell("reception")).isEqualTo("\"reception\"");
    }

    @Test
    void shouldWriteAHeaderAndOneLinePerEntryWithAByteOrderMark() {
        String csv = AuditCsv.of(List.of(new AuditEntry(7, Instant.parse("2026-11-23T03:00:00Z"), "head",
                AuditAction.TASK_COMPLETED, "000.00.01.H01-261123-0001", "000.00.01.H01", "task 1",
                "approve_dossier: APPROVE", "10.0.0.1")));
        assertThat(csv).startsWith("\uFEFFid,occurred_at,actor,action,");
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).contains("\"7\",\"2026-11-23T03:00:00Z\",\"head\",\"TASK_COMPLETED\",\"000.00.01.H01-261123-0001\"");
    }
}
