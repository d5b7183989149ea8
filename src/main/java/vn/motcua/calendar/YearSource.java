package vn.motcua.calendar;

import java.util.Optional;

/** Where the calendar finds the days off and make-up days of a year. */
interface YearSource {

    Optional<CalendarYear> find(int year);
}
