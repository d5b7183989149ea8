package vn.motcua.metrics;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import vn.motcua.calendar.YearWarning;

/**
 * Next year's calendar for alerting (docs/operations.md): whether it is provisional, whether the yearly
 * warning is on, and the days left until it starts. Read from the calendar's cache, on the engine's clock.
 */
@Component
class CalendarMeters implements MeterBinder {

    private final YearWarning warning;

    CalendarMeters(YearWarning warning) {
        this.warning = warning;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("motcua.calendar.next.year.provisional", warning, w -> w.now().provisional() ? 1 : 0)
                .description("1 while next year is counted on its provisional statutory calendar (not loaded)")
                .register(registry);
        Gauge.builder("motcua.calendar.next.year.warning", warning, w -> w.now().warning() ? 1 : 0)
                .description("1 from 1 October while next year is provisional: load it (PUT /api/calendar/years/{year})")
                .register(registry);
        Gauge.builder("motcua.calendar.next.year.days.left", warning, w -> w.now().daysLeft())
                .description("Days until 1 January of next year, in the agency's zone").register(registry);
    }
}
