package vn.motcua.sla;

import java.time.Instant;
import java.time.LocalTime;
import java.util.SortedSet;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.calendar.Moment;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Allowance;

/** The question an officer or a citizen asks the calendar: when is something received now due? */
@RestController
@Tag(name = "Calendar")
class DueDateController {

    private final WorkingCalendar calendar;
    private final DeadlineClock clock;

    DueDateController(WorkingCalendar calendar, DeadlineClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/calendar/due")
    @Operation(summary = "When something received at an instant is due, as a dossier's deadline is counted",
            description = "The cut-off rule starts the clock (the next working day's opening after the cut-off or"
                    + " outside office hours), then N working days are N office days of working time: received"
                    + " 09:00 Monday, 3d is due 09:00 Thursday; a clock started at an opening ends at a close"
                    + " (17:00), never at the next opening. Hours are walked through office hours; same-day is the"
                    + " close of the working day the clock starts on. provisional: the answer rests on a year counted"
                    + " on its statutory calendar (docs/calendar.md).")
    Due due(@RequestParam @Parameter(example = "2026-11-23T09:00:00+07:00") String receivedAt,
            @RequestParam @Parameter(description = "3d, 0.5d, 4h or same-day", example = "3d") String deadline,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
            @Parameter(description = "defaults to motcua.calendar.cut-off", example = "15:00") LocalTime cutOff) {
        Instant received = Moment.parse("receivedAt", receivedAt);
        Allowance allowance;
        try {
            allowance = Allowance.parse(deadline);
        } catch (IllegalArgumentException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'deadline': " + e.getMessage());
            problem.setTitle("Invalid calendar request");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, e);
        }
        Instant start = calendar.countingStart(received, cutOff == null ? calendar.defaultCutOff() : cutOff);
        Instant due = clock.after(start, allowance);
        SortedSet<Integer> provisional = calendar.provisionalYears(received, due);
        return new Due(Moment.of(received, calendar.zone()), deadline.strip(), Moment.of(start, calendar.zone()),
                Moment.of(due, calendar.zone()), !provisional.isEmpty(), provisional);
    }

    /**
     * @param countingStart    when the legal time starts (cut-off rule)
     * @param due              when it runs out
     * @param provisional      whether a year it was counted over is provisional
     * @param provisionalYears which years those are
     */
    record Due(Moment receivedAt, String deadline, Moment countingStart, Moment due, boolean provisional,
            SortedSet<Integer> provisionalYears) {
    }
}
