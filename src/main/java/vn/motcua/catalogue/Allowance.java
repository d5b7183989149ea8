package vn.motcua.catalogue;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of working time as a procedure states it: {@code 3d} (working days, fractions allowed:
 * {@code 0.5d}), {@code 4h} (working hours) or {@code same-day} (by the end of the working day).
 *
 * @param amount days or hours; 1 for {@link Unit#SAME_DAY}
 */
public record Allowance(BigDecimal amount, Unit unit) {

    /** A working day is 8 working hours (Decree 61/2018, office hours set by each agency). */
    public static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(8);

    private static final Pattern AMOUNT = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,2})?)\\s*([dh])$");

    public enum Unit {
        WORKING_DAYS, WORKING_HOURS, SAME_DAY
    }

    /** Reads {@code 3d}, {@code 0.5d}, {@code 4h} or {@code same-day}; anything else is refused with the reason. */
    public static Allowance parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("same-day")) {
            return new Allowance(BigDecimal.ONE, Unit.SAME_DAY);
        }
        Matcher matcher = AMOUNT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a working time: write working days as 3d or 0.5d, working hours as 4h, or same-day");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("'" + value + "' must be more than zero");
        }
        return new Allowance(amount, matcher.group(2).equals("d") ? Unit.WORKING_DAYS : Unit.WORKING_HOURS);
    }

    public static Allowance hours(BigDecimal hours) {
        return new Allowance(hours, Unit.WORKING_HOURS);
    }

    /** In working hours; a same-day allowance counts as one working day at most. */
    public BigDecimal workingHours() {
        return switch (unit) {
            case WORKING_DAYS -> amount.multiply(HOURS_PER_DAY);
            case WORKING_HOURS -> amount;
            case SAME_DAY -> HOURS_PER_DAY;
        };
    }

    /** A whole number of working days counted from the counting start, as deadlines in law are. */
    public boolean wholeDays() {
        return unit == Unit.WORKING_DAYS && amount.stripTrailingZeros().scale() <= 0;
    }

    /** As written in the model: 3d, 0.5d, 4h or same-day (also its JSON form). */
    @Override
    @JsonValue
    public String toString() {
        return switch (unit) {
            case WORKING_DAYS -> amount.stripTrailingZeros().toPlainString() + "d";
            case WORKING_HOURS -> amount.stripTrailingZeros().toPlainString() + "h";
            case SAME_DAY -> "same-day";
        };
    }
}
