package vn.motcua.calendarwatch;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.calendar.YearWarning;
import vn.motcua.modelling.ProcessBean;
import vn.motcua.notify.Message;
import vn.motcua.notify.Notification;
import vn.motcua.notify.Notifier;
import vn.motcua.notify.Recipient;
import vn.motcua.notify.Recipients;
import vn.motcua.security.Officer;

/**
 * The step {@code warn_administrators} of {@code calendar_watch}, as the delegate
 * {@code ${warnAdministratorsOfProvisionalYear}}: while {@link YearWarning} holds, one e-mail per ISO week
 * to each member of {@code camunda-admin} with an address. The event key
 * {@code calendar-provisional:<year>:<ISO week>} with the address is unique in the notification table, so a
 * second daily run, a retried job or a second node sends nothing again.
 */
@Component("warnAdministratorsOfProvisionalYear")
@ProcessBean
class CalendarWatch implements JavaDelegate {

    static final String PROCESS = "calendar_watch";
    static final String TIMER = "calendar_day_started";
    static final String TEMPLATE = "calendar-provisional-year";

    /** How Vietnamese letters write a date. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Logger log = LoggerFactory.getLogger(CalendarWatch.class);

    private final YearWarning warning;
    private final Recipients recipients;
    private final Notifier notifier;

    CalendarWatch(YearWarning warning, Recipients recipients, Notifier notifier) {
        this.warning = warning;
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        YearWarning.NextYear next = warning.now();
        // Cockpit shows what a run found.
        execution.setVariable("year", next.year());
        execution.setVariable("warning", next.warning());
        if (!next.warning()) {
            return;
        }
        log.warn("The calendar of {} is provisional: load it (PUT /api/calendar/years/{}, docs/calendar.md)",
                next.year(), next.year());
        List<Recipient> administrators = recipients.ofGroup(Officer.ADMIN_GROUP);
        Message message = notifier.render(TEMPLATE, Map.of(
                "year", next.year(),
                "daysLeft", next.daysLeft(),
                "warnFrom", DAY.format(next.warnFrom())));
        for (Recipient administrator : administrators) {
            notifier.send(new Notification(eventKey(next), null, administrator, message));
        }
    }

    /** One event per year and ISO week; the recipient's address completes the unique key. */
    static String eventKey(YearWarning.NextYear next) {
        return "calendar-provisional:" + next.year() + ":" + next.isoWeek();
    }
}
