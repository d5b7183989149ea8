package vn.motcua.catalogue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A procedure's deadline rules, read from its {@code procedure.*} extension properties (see
 * docs/sla.md): the legal deadline, each phase's share of it, the cut-off hour and the clock policy
 * for supplements.
 *
 * @param legal       the legal deadline ({@code procedure.deadline}: 3d, 4h, same-day)
 * @param shares      every phase's share in working time, the unset ones filled in (they never add up to
 *                    more than the legal deadline)
 * @param cutOff      submissions after this local time count from the next working day; null: the
 *                    calendar's default
 * @param clockPolicy what a supplement request does to the clock ({@code procedure.clockPolicy})
 */
public record TimeLimits(Allowance legal, Map<Phase, Duration> shares, LocalTime cutOff, ClockPolicy clockPolicy) {

    static final String DEADLINE = "deadline";
    /** The first form of the property; still read, as whole working days. */
    static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    static final String SHARE = "share.";
    static final String CUT_OFF = "cutOff";
    static final String CLOCK_POLICY = "clockPolicy";

    public TimeLimits {
        shares = Collections.unmodifiableMap(new EnumMap<>(shares));
    }

    /**
     * Reads the rules from a procedure's properties, named without the {@code procedure.} prefix.
     *
     * @throws IllegalArgumentException naming the property at fault
     */
    public static TimeLimits read(Map<String, String> properties) {
        Allowance legal = legal(properties);
        Map<Phase, Allowance> explicit = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            String value = properties.get(SHARE + phase.modelName());
            if (value != null) {
                Allowance share = parse(SHARE + phase.modelName(), value);
                if (share.unit() == Allowance.Unit.SAME_DAY) {
                    throw invalid(SHARE + phase.modelName(), "a phase's share is 0.5d, 1d, 2h ..., not same-day");
                }
                explicit.put(phase, share);
            }
        }
        for (String name : properties.keySet()) {
            if (name.startsWith(SHARE) && !explicit.containsKey(phaseOrNull(name.substring(SHARE.length())))) {
                throw invalid(name, "no such phase; shares are share.reception, share.processing, share.approval, "
                        + "share.resultReturn");
            }
        }
        return new TimeLimits(legal, shares(legal, explicit), cutOff(properties.get(CUT_OFF)),
                clockPolicy(properties.get(CLOCK_POLICY)));
    }

    /** The legal deadline in whole working days, rounded up (0 for same-day). */
    public int wholeWorkingDays() {
        if (legal.unit() == Allowance.Unit.SAME_DAY) {
            return 0;
        }
        return legal.workingHours().divide(Allowance.HOURS_PER_DAY, 0, RoundingMode.CEILING).intValueExact();
    }

    private static Allowance legal(Map<String, String> properties) {
        String deadline = properties.get(DEADLINE);
        String workingDays = properties.get(DEADLINE_WORKING_DAYS);
        if (deadline != null && workingDays != null) {
            throw invalid(DEADLINE_WORKING_DAYS, "set procedure.deadline only (procedure.deadlineWorkingDays is its "
                    + "older form)");
        }
        if (deadline != null) {
            return parse(DEADLINE, deadline);
        }
        if (workingDays != null && workingDays.strip().matches("\\d{1,3}") && Integer.parseInt(workingDays.strip()) > 0) {
            return new Allowance(new BigDecimal(workingDays.strip()), Allowance.Unit.WORKING_DAYS);
        }
        if (workingDays != null) {
            throw invalid(DEADLINE_WORKING_DAYS, "must be a whole number of working days above 0, not '" + workingDays + "'");
        }
        throw invalid(DEADLINE, "missing: the legal deadline, e.g. 3d, 0.5d, 4h or same-day");
    }

    /**
     * The explicit shares as they are; the time they leave goes to the other phases by weight. A same-day
     * deadline is shared as one working day, since how much of the day is left depends on the hour.
     */
    private static Map<Phase, Duration> shares(Allowance legal, Map<Phase, Allowance> explicit) {
        BigDecimal total = legal.workingHours();
        BigDecimal given = explicit.values().stream().map(Allowance::workingHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (given.compareTo(total) > 0) {
            throw invalid(SHARE + "*", "the phases' shares add up to " + hours(given) + " working hours, more than the "
                    + "legal deadline " + legal + " (" + hours(total) + " working hours)");
        }
        int otherWeights = 0;
        for (Phase phase : Phase.values()) {
            otherWeights += explicit.containsKey(phase) ? 0 : phase.weight();
        }
        BigDecimal left = total.subtract(given);
        Map<Phase, Duration> shares = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            BigDecimal hours = explicit.containsKey(phase) ? explicit.get(phase).workingHours()
                    : left.multiply(BigDecimal.valueOf(phase.weight())).divide(BigDecimal.valueOf(otherWeights),
                            MathContext.DECIMAL64);
            // Whole minutes, rounded down so that the shares never exceed the legal deadline.
            shares.put(phase, Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.FLOOR)
                    .longValueExact()));
        }
        return shares;
    }

    private static Phase phaseOrNull(String name) {
        try {
            return Phase.of(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Allowance parse(String property, String value) {
        try {
            return Allowance.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(property, e.getMessage());
        }
    }

    private static LocalTime cutOff(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(CUT_OFF, "must be a local time such as 15:00, not '" + value + "'");
        }
    }

    private static ClockPolicy clockPolicy(String value) {
        if (value == null) {
            return ClockPolicy.RESTART;
        }
        try {
            return ClockPolicy.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(CLOCK_POLICY, "must be PAUSE or RESTART, not '" + value + "'");
        }
    }

    private static String hours(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }

    private static IllegalArgumentException invalid(String property, String problem) {
        return new IllegalArgumentException(ProcedureMetadata.PREFIX + property + ": " + problem);
    }
}
