package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/** The public figures are form II.06a's, and the desk display follows the unit's dossiers. */
class PublicFiguresIT extends IntegrationTest {

    @Test
    void shouldShowTheSameOnTimeFiguresAsFormIi06a() {
        String code = submitted("ONLINE", "COUNTER", "Quách Văn Số");
        finish(code);

        for (String[] period : new String[][] {{"thang", "month"}, {"quy", "quarter"}, {"nam", "year"}}) {
            // Both read the same period of the same day; the one day pair is taken from the API's own answer.
            JsonNode report = as("supervisor").getForObject("/api/reports/ii06a?period={p}&unit={u}", JsonNode.class,
                    period[1], UNIT);
            String page = http.getForObject("/thong-ke?ky={k}&ngay={d}", String.class, period[0],
                    report.get("period").get("from").asText());
            JsonNode resolved = report.get("units").get(0).get("figures").get("resolved");
            long inTime = resolved.get("beforeDeadline").asLong() + resolved.get("onTime").asLong();
            assertThat(resolved.get("total").asLong()).isPositive();
            String rate = java.math.BigDecimal.valueOf(inTime * 100)
                    .divide(java.math.BigDecimal.valueOf(resolved.get("total").asLong()), 1, java.math.RoundingMode.HALF_UP)
                    .toPlainString().replace('.', ',') + " %";
            assertThat(unitRow(page, UNIT)).as(period[0]).containsExactly(String.valueOf(resolved.get("total").asLong()),
                    String.valueOf(inTime), String.valueOf(resolved.get("late").asLong()), rate);
        }
    }

    @Test
    void shouldListResultsWaitingAtTheCounterAndTodaysCounts() {
        String waiting = submitted("ONLINE", "COUNTER", "Hà Văn Chờ");
        String online = submitted("ONLINE", "ONLINE", "Hà Thị Mạng");
        approve(waiting);
        String before = http.getForObject("/man-hinh/" + UNIT, String.class);

        assertThat(before).contains(waiting, "http-equiv=\"refresh\"", "Đăng ký thành lập hộ kinh doanh")
                .doesNotContain(online, "Hà Văn Chờ", "Đăng ký khai sinh");
        long resolvedBefore = count(before, "count-resolved");

        engine.workOk(waiting, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Hà Văn Chờ", "receiverIdNumber", "001085012345"));
        String after = http.getForObject("/man-hinh/" + UNIT, String.class);
        assertThat(after).doesNotContain(waiting);
        assertThat(count(after, "count-resolved")).isEqualTo(resolvedBefore + 1);
        assertThat(count(after, "count-received")).isGreaterThanOrEqualTo(2);
        assertThat(http.getForEntity("/man-hinh/999.99.99.H99", String.class).getStatusCode().value()).isEqualTo(404);
    }

    private void approve(String code) {
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
    }

    private void finish(String code) {
        approve(code);
        engine.workOk(code, "reception", "hand_over_at_counter",
                Map.of("receiverName", "Quách Văn Số", "receiverIdNumber", "001085012345"));
    }

    /** Resolved, in time, late and the on-time rate of the unit's row. */
    private static java.util.List<String> unitRow(String page, String unit) {
        Matcher row = Pattern.compile("<tr class=\"total\" data-unit=\"" + Pattern.quote(unit)
                + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td class=\"rate\">([^<]*)</td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>").matcher(page);
        assertThat(row.find()).as("row of " + unit).isTrue();
        return java.util.List.of(row.group(2), row.group(3), row.group(4), row.group(1));
    }

    private static long count(String page, String id) {
        Matcher count = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(count.find()).as(id).isTrue();
        return Long.parseLong(count.group(1));
    }
}
