package vn.motcua.metrics;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.YearWarning;

/**
 * The component {@code calendar} of /actuator/health: always UP, since a provisional year is counted on
 * the statutory calendar and nothing fails; its details (monitoring user, administrators) say whether next
 * year is provisional and whether administrators are being warned to load it ({@link YearWarning}).
 */
@Component("calendar")
class CalendarHealth extends AbstractHealthIndicator {

    private final YearWarning warning;

    CalendarHealth(YearWarning warning) {
        super("The working-time calendar cannot be read");
        this.warning = warning;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        YearWarning.NextYear next = warning.now();
        health.up()
                .withDetail("year", next.year())
                .withDetail("provisional", next.provisional())
                .withDetail("warnFrom", next.warnFrom().toString())
                .withDetail("warning", next.warning());
    }
}
