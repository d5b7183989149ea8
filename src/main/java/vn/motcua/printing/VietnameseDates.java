package vn.motcua.printing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates the way Vietnamese administrative documents write them (Decree 30/2020/ND-CP). */
public final class VietnameseDates {

    private static final DateTimeFormatter TIME_AND_DATE = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy");

    private VietnameseDates() {
    }

    /**
     * "ngày 27 tháng 11 năm 2026", "ngày 05 tháng 02 năm 2026", "ngày 05 tháng 3 năm 2026": days below
     * 10 and the months January and February take a leading zero, the other months do not.
     */
    public static String longDate(LocalDate date) {
        int month = date.getMonthValue();
        return String.format("ngày %02d tháng %s năm %d", date.getDayOfMonth(), month < 3 ? "0" + month : month,
                date.getYear());
    }

    /** "14 giờ 05 phút, ngày 23/11/2026" in the given zone. */
    public static String timeAndDate(Instant instant, ZoneId zone) {
        return TIME_AND_DATE.format(instant.atZone(zone));
    }
}
