package vn.motcua.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates the way Vietnamese administrative documents write them. */
final class VietnameseDates {

    private static final DateTimeFormatter TIME_AND_DATE = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

    private VietnameseDates() {
    }

    /** "ngày 23 tháng 11 năm 2026" */
    static String longDate(LocalDate date) {
        return "ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng " + String.format("%02d", date.getMonthValue())
                + " năm " + date.getYear();
    }

    /** "14 giờ 05 phút, ngày 23/11/2026" in the agency's zone. */
    static String timeAndDate(Instant instant, ZoneId zone) {
        return TIME_AND_DATE.format(instant.atZone(zone));
    }
}
