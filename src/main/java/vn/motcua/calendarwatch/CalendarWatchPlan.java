package vn.motcua.calendarwatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import vn.motcua.modelling.ProcessBean;

/**
 * When {@code calendar_watch} runs: its timer's cycle ({@code ${calendarWatchPlan.cycle()}}), from
 * {@code motcua.calendar-watch.cycle}. Settings only: the engine evaluates the cycle while it starts,
 * before the services exist.
 */
@Component("calendarWatchPlan")
@ProcessBean
public class CalendarWatchPlan {

    private final Settings settings;

    CalendarWatchPlan(Settings settings) {
        this.settings = settings;
    }

    public String cycle() {
        return settings.cycle();
    }

    /**
     * @param cycle an engine cron expression (in UTC, the nodes' zone) or an ISO-8601 repetition; daily is
     *              enough, as the e-mail goes once per ISO week whatever the number of runs
     */
    @ConfigurationProperties("motcua.calendar-watch")
    record Settings(String cycle) {

        Settings {
            if (cycle == null || cycle.isBlank()) {
                cycle = "0 0 1 * * ?";
            }
        }
    }
}
