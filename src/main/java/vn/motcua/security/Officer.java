package vn.motcua.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A logged-in officer and the engine groups they belong to: {@code reception:<unit>},
 * {@code specialist:<unit>}, {@code head:<unit>}, {@code supervisor} (every unit) or
 * {@code supervisor:<unit>}, and {@code camunda-admin}.
 */
public record Officer(String id, Set<String> groups) {

    public static final String ADMIN_GROUP = "camunda-admin";
    public static final String SUPERVISOR_GROUP = "supervisor";
    /** Machines and people that scrape operations metrics (Prometheus); see docs/operations.md. */
    public static final String MONITORING_GROUP = "monitoring";
    /** Machines that read the reports of every unit and nothing about single dossiers (a central system). */
    public static final String REPORT_READER_GROUP = "report-reader";

    public Officer {
        groups = Set.copyOf(groups);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    public boolean has(Role role, String unitCode) {
        return unitCode != null && groups.contains(role.group(unitCode));
    }

    /** Works in the unit (any role there) or administers the whole system. */
    public boolean worksIn(String unitCode) {
        return isAdmin() || has(Role.RECEPTION, unitCode) || has(Role.SPECIALIST, unitCode) || has(Role.HEAD, unitCode);
    }

    /** Works in the unit, oversees it, or administers the whole system. */
    public boolean canRead(String unitCode) {
        return worksIn(unitCode) || oversees(unitCode);
    }

    public boolean oversees(String unitCode) {
        return groups.contains(SUPERVISOR_GROUP) || has(Role.SUPERVISOR, unitCode);
    }

    /** The head of the unit, or an administrator. */
    public boolean heads(String unitCode) {
        return isAdmin() || has(Role.HEAD, unitCode);
    }

    /** Receives dossiers at the unit's desk, or administers the whole system. */
    public boolean receivesFor(String unitCode) {
        return isAdmin() || has(Role.RECEPTION, unitCode);
    }

    /** The units whose dossiers the officer may read; empty when every unit (administrators, {@code supervisor}). */
    public Optional<Set<String>> readableUnits() {
        if (isAdmin() || groups.contains(SUPERVISOR_GROUP)) {
            return Optional.empty();
        }
        return Optional.of(groups.stream()
                .filter(group -> Arrays.stream(Role.values()).anyMatch(role -> group.startsWith(role.prefix())))
                .map(group -> group.substring(group.indexOf(':') + 1))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Reads the operations metrics: the monitoring system's user, or an administrator. */
    public boolean monitors() {
        return isAdmin() || groups.contains(MONITORING_GROUP);
    }

    /** Reads every unit: an administrator or a supervisor without a unit (not {@code supervisor:<unit>}). */
    public boolean readsEveryUnit() {
        return readableUnits().isEmpty();
    }

    /** Reads the supervision reports of the unit: its head, a supervisor of it, a report reader, or an administrator. */
    public boolean readsReportsOf(String unitCode) {
        return heads(unitCode) || oversees(unitCode) || groups.contains(REPORT_READER_GROUP);
    }

    /**
     * The units whose reports the officer may read; empty when every unit (administrators, {@code supervisor},
     * {@code report-reader}).
     */
    public Optional<Set<String>> reportableUnits() {
        if (isAdmin() || groups.contains(SUPERVISOR_GROUP) || groups.contains(REPORT_READER_GROUP)) {
            return Optional.empty();
        }
        return Optional.of(groups.stream()
                .filter(group -> group.startsWith(Role.HEAD.prefix()) || group.startsWith(Role.SUPERVISOR.prefix()))
                .map(group -> group.substring(group.indexOf(':') + 1))
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Reads the reports of at least one unit. */
    public boolean readsReports() {
        return reportableUnits().map(units -> !units.isEmpty()).orElse(true);
    }

    public boolean receivesAnywhere() {
        return isAdmin() || groups.stream().anyMatch(group -> group.startsWith(Role.RECEPTION.prefix()));
    }

    /** Officer roles that are scoped to one unit by their group id, {@code <role>:<unit code>}. */
    public enum Role {
        RECEPTION("reception"), SPECIALIST("specialist"), HEAD("head"), SUPERVISOR("supervisor");

        private final String name;

        Role(String name) {
            this.name = name;
        }

        public String group(String unitCode) {
            return prefix() + unitCode;
        }

        String prefix() {
            return name + ":";
        }
    }
}
