package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The Vietnamese lunisolar calendar (âm lịch), for the holidays the Labour Code fixes on it: Tết
 * (1st day of the 1st month) and Giỗ Tổ Hùng Vương (10th day of the 3rd month).
 * <p>
 * Months begin on the day of the new moon and the 11th month holds the winter solstice; a year of 13
 * months repeats the first month that holds no principal solar term. The days are those of the
 * meridian of Vietnam, UTC+7 (the Chinese calendar uses UTC+8, which is why Tết 2007 was 17 February
 * in Vietnam and 18 February in China). New moons and solar longitudes follow Jean Meeus,
 * <i>Astronomical Algorithms</i> (1998), chapters 25 and 49, as Hồ Ngọc Đức's published Vietnamese
 * calendar does; {@code LunarCalendarTest} checks Tết and Hùng Kings' day for 1901-2100 against the
 * published tables.
 */
final class LunarCalendar {

    /** Years whose dates are checked against published tables; outside them nothing is promised. */
    static final int FIRST_YEAR = 1901;
    static final int LAST_YEAR = 2100;

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day number of 1970-01-01, to turn {@link LocalDate#toEpochDay()} into a Julian day. */
    private static final long EPOCH_JULIAN_DAY = 2_440_588;
    /** Julian day of the new moon of 1 January 1900 13:52 UT, lunation 0 of Meeus' series. */
    private static final double NEW_MOON_ZERO = 2415021.076998695;

    private LunarCalendar() {
    }

    /** The Gregorian date of Tết Nguyên đán, the first day of the lunar year that begins in {@code year}. */
    static LocalDate tet(int year) {
        return toSolar(year, 1, 1);
    }

    /** The Gregorian date of Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month of {@code year}. */
    static LocalDate hungKingsDay(int year) {
        return toSolar(year, 3, 10);
    }

    /** The last day of the lunar year before the one that begins in {@code year} (29 or 30 tháng Chạp). */
    static LocalDate lunarNewYearsEve(int year) {
        return tet(year).minusDays(1);
    }

    /** The Gregorian date of {@code day} of the ordinary (not leap) lunar {@code month} of lunar {@code year}. */
    static LocalDate toSolar(int year, int month, int day) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the lunar calendar is checked for " + FIRST_YEAR + "-" + LAST_YEAR
                    + " only, not " + year);
        }
        long a11;
        long b11;
        if (month < 11) {
            a11 = month11(year - 1);
            b11 = month11(year);
        } else {
            a11 = month11(year);
            b11 = month11(year + 1);
        }
        long k = (long) Math.floor(0.5 + (a11 - NEW_MOON_ZERO) / SYNODIC_MONTH);
        int offset = month - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            // A leap year: every month from the leap month on begins one new moon later.
            int leapOffset = leapMonthOffset(a11);
            if (offset >= leapOffset) {
                offset += 1;
            }
        }
        long monthStart = newMoonDay(k + offset);
        return LocalDate.ofEpochDay(monthStart + day - 1 - EPOCH_JULIAN_DAY);
    }

    /** The Julian day number on which the 11th lunar month (the one holding the winter solstice) of {@code year} begins. */
    private static long month11(int year) {
        long lastDay = LocalDate.of(year, 12, 31).toEpochDay() + EPOCH_JULIAN_DAY;
        long k = (long) Math.floor((lastDay - 2415021) / SYNODIC_MONTH);
        long newMoon = newMoonDay(k);
        if (sunSector(newMoon) >= 9) {
            // That new moon lies after the solstice: the month holding it began one lunation earlier.
            newMoon = newMoonDay(k - 1);
        }
        return newMoon;
    }

    /** How many months after the 11th month the leap month comes (the first with no principal term). */
    private static int leapMonthOffset(long a11) {
        long k = (long) Math.floor((a11 - NEW_MOON_ZERO) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int sector = sunSector(newMoonDay(k + i));
        int last;
        do {
            last = sector;
            i++;
            sector = sunSector(newMoonDay(k + i));
        } while (sector != last && i < 14);
        return i - 1;
    }

    /** The local Julian day number of the {@code k}-th new moon after 1 January 1900 (Meeus, ch. 49). */
    private static long newMoonDay(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mPrime = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double correction = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m)
                - 0.4068 * sin(mPrime) + 0.0161 * sin(2 * mPrime) - 0.0004 * sin(3 * mPrime)
                + 0.0104 * sin(2 * f) - 0.0051 * sin(m + mPrime) - 0.0074 * sin(m - mPrime)
                + 0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m) - 0.0006 * sin(2 * f + mPrime)
                + 0.0010 * sin(2 * f - mPrime) + 0.0005 * sin(2 * mPrime + m);
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        double newMoon = jd + correction - deltaT;
        return (long) Math.floor(newMoon + 0.5 + VIETNAM.getTotalSeconds() / 86400.0);
    }

    /**
     * Which of the twelve 30-degree sectors of ecliptic longitude the sun is in at the start of the local
     * day {@code julianDay} (sector 9 begins at the winter solstice, 270 degrees).
     */
    private static int sunSector(long julianDay) {
        double t = (julianDay - 0.5 - VIETNAM.getTotalSeconds() / 86400.0 - 2451545.0) / 36525;
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(m)
                + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000290 * sin(3 * m);
        double longitude = Math.toRadians(280.46645 + 36000.76983 * t + 0.0003032 * t2 + centre);
        longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return (int) Math.floor(longitude / Math.PI * 6);
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees));
    }
}
