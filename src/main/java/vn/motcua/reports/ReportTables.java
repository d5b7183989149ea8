package vn.motcua.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import vn.motcua.payments.Payments;

/** The reports laid out as the tables officers file: Vietnamese headings, one line per unit and procedure. */
final class ReportTables {

    private static final List<String> FIGURE_HEADINGS = List.of(
            "Tiếp nhận - Tổng số", "Tiếp nhận - Từ kỳ trước", "Tiếp nhận - Trực tuyến", "Tiếp nhận - Trực tiếp, bưu chính",
            "Đã giải quyết - Tổng số", "Đã giải quyết - Trước hạn", "Đã giải quyết - Đúng hạn", "Đã giải quyết - Quá hạn",
            "Đang giải quyết - Tổng số", "Đang giải quyết - Trong hạn", "Đang giải quyết - Quá hạn",
            "Chờ bổ sung", "Rút hồ sơ", "Từ chối");

    private ReportTables() {
    }

    static ReportTable ii06a(Ii06aReport report) {
        List<String> headings = new ArrayList<>(List.of("Mã đơn vị", "Tên đơn vị", "Mã thủ tục", "Tên thủ tục"));
        headings.addAll(FIGURE_HEADINGS);
        // Last, so that the figures keep their columns: the desk that received dossiers the unit decided.
        headings.add("Nơi tiếp nhận (liên thông)");
        List<List<Object>> rows = new ArrayList<>();
        for (Ii06aReport.UnitLine unit : report.units()) {
            for (Ii06aReport.ProcedureLine p : unit.procedures()) {
                List<Object> row = row(Stream.of(unit.unitCode(), unit.unitName(), p.procedureCode(), p.procedureName()),
                        p.figures());
                row.add(p.receivingUnitCode() == null ? null : p.receivingUnitCode() + " " + p.receivingUnitName());
                rows.add(row);
            }
            rows.add(row(Stream.of(unit.unitCode(), unit.unitName(), null, "Cộng đơn vị"), unit.figures()));
        }
        rows.add(row(Stream.of(null, "Tổng cộng", null, null), report.total()));
        rows.forEach(row -> {
            while (row.size() < headings.size()) {
                row.add(null);
            }
        });
        return new ReportTable("II.06a " + report.period().from() + " - " + report.period().to(), headings, rows);
    }

    static List<ReportTable> rankings(Rankings r) {
        return List.of(
                new ReportTable("Tỷ lệ đúng hạn", List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Đã giải quyết",
                        "Trước hạn và đúng hạn", "Tỷ lệ (%)"),
                        r.onTime().stream().map(o -> List.<Object>of(nullable(o.rank()), o.unitCode(), o.unitName(),
                                o.resolved(), o.resolvedInTime(), percent(o.rate()))).toList()),
                new ReportTable("Tỷ lệ trực tuyến", List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Tiếp nhận trong kỳ",
                        "Trực tuyến", "Toàn trình", "Tỷ lệ trực tuyến (%)", "Tỷ lệ toàn trình (%)"),
                        r.online().stream().map(o -> List.<Object>of(nullable(o.rank()), o.unitCode(), o.unitName(),
                                o.submitted(), o.online(), o.whollyOnline(), percent(o.rate()),
                                percent(o.whollyOnlineRate()))).toList()),
                new ReportTable("Mức độ hài lòng", List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Số lượt đánh giá",
                        "Rất hài lòng", "Hài lòng", "Không hài lòng", "Tỷ lệ hài lòng (%)"),
                        r.satisfaction().stream().map(s -> List.<Object>of(nullable(s.rank()), s.unitCode(), s.unitName(),
                                s.evaluations(), s.verySatisfied(), s.satisfied(), s.notSatisfied(), percent(s.rate())))
                                .toList()),
                new ReportTable("Thủ tục trễ hạn nhiều nhất", List.of("Hạng", "Mã thủ tục", "Tên thủ tục",
                        "Hồ sơ trễ hạn", "Đã giải quyết quá hạn", "Đang giải quyết quá hạn"),
                        r.lateProcedures().stream().map(p -> List.<Object>of(p.rank(), p.procedureCode(),
                                p.procedureName(), p.late(), p.resolvedLate(), p.overdue())).toList()));
    }

    static ReportTable fees(FeeReport report) {
        List<List<Object>> rows = new ArrayList<>(report.lines().stream().map(line -> Arrays.<Object>asList(line.unitCode(),
                line.unitName(), line.procedureCode(), Payments.CASH.equals(line.paidBy()) ? "Tiền mặt" : "Chuyển khoản",
                line.payments(), line.amount())).toList());
        rows.add(Arrays.asList(null, "Tổng cộng", null, null, report.payments(), report.amount()));
        return new ReportTable("Phí, lệ phí đã thu " + report.period().from() + " - " + report.period().to(),
                List.of("Mã đơn vị", "Tên đơn vị", "Mã thủ tục", "Hình thức nộp", "Số lần nộp", "Số tiền (đồng)"), rows);
    }

    static ReportTable overdue(OverdueList list, ZoneId zone) {
        List<List<Object>> rows = list.dossiers().stream().map(d -> Arrays.<Object>asList(d.code(), d.procedureName(),
                d.applicantName(), d.lateness() == OverdueList.Lateness.OVERDUE ? "Quá hạn" : "Sắp đến hạn",
                local(d.dueAt(), zone), d.overdueFor() == null ? null : hours(d.overdueFor()),
                d.newAppointmentDate() == null ? null : d.newAppointmentDate().toString(), d.currentStep(),
                d.currentHolder(), local(d.heldSince(), zone), d.heldFor() == null ? null : hours(d.heldFor()))).toList();
        return new ReportTable("Hồ sơ quá hạn " + list.unitCode(), List.of("Mã hồ sơ", "Thủ tục", "Người nộp",
                "Tình trạng", "Hạn trả kết quả", "Quá hạn (giờ)", "Ngày hẹn lại", "Bước đang xử lý", "Người đang giữ",
                "Giữ từ", "Thời gian giữ (giờ)"), rows);
    }

    private static List<Object> row(Stream<String> labels, Figures figures) {
        List<Object> row = new ArrayList<>(labels.toList());
        for (long n : figures.numbers()) {
            row.add(n);
        }
        return row;
    }

    private static Object nullable(Integer rank) {
        return rank == null ? "" : rank;
    }

    private static Object percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2);
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDateTime().toString();
    }

    private static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.DOWN);
    }
}
