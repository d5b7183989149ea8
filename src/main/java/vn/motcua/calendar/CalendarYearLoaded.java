package vn.motcua.calendar;

/**
 * An administrator loaded (or corrected) the schedule of {@code year}; published after the load commits on
 * the node that received it, so that dates counted on the year's provisional calendar can be counted again.
 */
public record CalendarYearLoaded(int year) {
}
