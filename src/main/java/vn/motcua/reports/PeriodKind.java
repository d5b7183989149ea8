package vn.motcua.reports;

/** The reporting periods of form II.06a; {@code CUSTOM} is any range of days up to a year. */
public enum PeriodKind {
    DAY, MONTH, QUARTER, YEAR, CUSTOM
}
