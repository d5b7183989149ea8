package vn.motcua.calendar;

import java.time.ZoneId;

/** The calendar with the shipped 2024-2026 years and default settings, for other capabilities' plain tests. */
public final class ShippedCalendar {

    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(CalendarProperties.defaults(), HANOI,
            ShippedYears.read(ShippedYears.LOCATION));

    private ShippedCalendar() {
    }

    public static WorkingCalendar get() {
        return CALENDAR;
    }
}
