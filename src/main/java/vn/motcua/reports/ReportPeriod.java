package vn.motcua.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A reporting period: whole days of the agency's calendar, {@code from} and {@code to} both included.
 */
public record ReportPeriod(PeriodKind kind, LocalDate from, LocalDate to) {

    /** A custom range may cover at most this many days (a leap year). */
    public static final int MAX_DAYS = 366;

    public ReportPeriod {
        if (to.isBefore(from)) {
            throw InvalidReportRequestException.of("to", "'to' (" + to + ") is before 'from' (" + from + ")",
                    "Ngày kết thúc trước ngày bắt đầu");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw InvalidReportRequestException.of("to", "a period covers at most " + MAX_DAYS + " days",
                    "Khoảng thời gian dài quá " + MAX_DAYS + " ngày");
        }
    }

    /** The day, month, quarter or year that contains {@code date}. */
    public static ReportPeriod containing(PeriodKind kind, LocalDate date) {
        return switch (kind) {
            case DAY -> new ReportPeriod(kind, date, date);
            case MONTH -> new ReportPeriod(kind, date.withDayOfMonth(1), date.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> {
                LocalDate first = date.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new ReportPeriod(kind, first, first.plusMonths(3).minusDays(1));
            }
            case YEAR -> new ReportPeriod(kind, date.withDayOfYear(1), date.with(TemporalAdjusters.lastDayOfYear()));
            case CUSTOM -> throw InvalidReportRequestException.of("period",
                    "a custom period needs 'from' and 'to'", "Kỳ báo cáo tùy chọn cần 'from' và 'to'");
        };
    }

    public static ReportPeriod custom(LocalDate from, LocalDate to) {
        return new ReportPeriod(PeriodKind.CUSTOM, from, to);
    }
}
