package vn.motcua.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import vn.motcua.calendar.CalendarYears.LoadedYear;
import vn.motcua.calendar.CalendarYears.Source;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Calendar", description = "Working days and working hours of the agency, and the yearly days off behind them")
class CalendarController {

    private static final String INSTANT_EXAMPLE = "2026-02-13T09:00:00+07:00";
    /** Far beyond any legal deadline, and small enough to stay clear of arithmetic overflow. */
    private static final long MAX_AMOUNT = 100_000;

    private final WorkingCalendar calendar;
    private final CalendarYears years;

    CalendarController(WorkingCalendar calendar, CalendarYears years) {
        this.calendar = calendar;
        this.years = years;
    }

    @GetMapping("/plus")
    @Operation(summary = "Add working days or working hours to an instant",
            description = "Exactly one of days (the same local time on the N-th next working day) or hours (office"
                    + " time walked through opening periods). A start outside office hours first moves to the next opening.")
    Result plus(@RequestParam @Parameter(example = INSTANT_EXAMPLE) String from,
            @RequestParam(required = false) @PositiveOrZero @Max(MAX_AMOUNT) Long days,
            @RequestParam(required = false) @PositiveOrZero @DecimalMax("" + MAX_AMOUNT)
            @Parameter(description = "may have decimals, e.g. 1.5") BigDecimal hours) {
        if ((days == null) == (hours == null)) {
            throw badRequest("Give exactly one of 'days' or 'hours'");
        }
        Instant start = instant("from", from);
        Instant result = days != null
                ? calendar.plusWorkingDays(start, days)
                : calendar.plusWorkingTime(start, Duration.ofSeconds(hours.multiply(BigDecimal.valueOf(3600))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact()));
        return result(start, result);
    }

    @GetMapping("/between")
    @Operation(summary = "Working time between two instants", description = "Zero when 'to' is not after 'from'.")
    Elapsed between(@RequestParam @Parameter(example = INSTANT_EXAMPLE) String from,
            @RequestParam @Parameter(example = "2026-02-24T09:00:00+07:00") String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        Duration workingTime = calendar.workingTimeBetween(start, end);
        return new Elapsed(moment(start), moment(end), calendar.provisionalYears(start, end), workingTime,
                BigDecimal.valueOf(workingTime.toSeconds()).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP),
                BigDecimal.valueOf(workingTime.toSeconds())
                        .divide(BigDecimal.valueOf(calendar.workingDayLength().toSeconds()), 2, RoundingMode.HALF_UP));
    }

    @GetMapping("/counting-start")
    @Operation(summary = "When the legal clock starts for something received at an instant",
            description = "On a working day before the cut-off: then (moved to the next opening outside office hours);"
                    + " otherwise the opening of the next working day. The cut-off defaults to motcua.calendar.cut-off.")
    Result countingStart(@RequestParam @Parameter(example = INSTANT_EXAMPLE) String receivedAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) @Parameter(example = "15:00") LocalTime cutOff) {
        Instant received = instant("receivedAt", receivedAt);
        return result(received, calendar.countingStart(received, cutOff == null ? calendar.defaultCutOff() : cutOff));
    }

    @GetMapping("/years")
    @Operation(summary = "The years the calendar knows, stored or shipped")
    List<YearSummary> years() {
        return years.all().stream()
                .map(year -> new YearSummary(year.document().year(), year.source(), year.provisional(), year.revision(),
                        year.loadedAt()))
                .toList();
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "A year's days off and make-up working days",
            description = "Loaded by an administrator (DATABASE), shipped (SHIPPED), or, for a year nobody loaded,"
                    + " computed from the Labour Code 2019 (STATUTORY, provisional: true) until the government's"
                    + " announced schedule is loaded.")
    LoadedYear year(@PathVariable @Min(1000) @Max(9999) int year) {
        return years.inForce(year).orElseThrow(() -> new UnknownCalendarYearException(year, HttpStatus.NOT_FOUND));
    }

    @PutMapping(path = "/years/{year}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml",
            "application/x-yaml", "text/yaml"})
    @Operation(summary = "Load or correct a year (administrators)",
            description = "The document (YAML or JSON, the format of the shipped files, see docs/calendar.md) is"
                    + " checked, then stored as the year's next revision: in force on this node at once, on every"
                    + " other node for a new year at once and for a correction within motcua.calendar.refresh-interval.")
    LoadedYear load(@PathVariable @Min(1000) @Max(9999) int year, @RequestBody String document) {
        return years.load(YearDocuments.read(document, year, "the request for " + year));
    }

    private Result result(Instant from, Instant result) {
        return new Result(moment(from), moment(result), calendar.provisionalYears(from, result));
    }

    private Moment moment(Instant instant) {
        return new Moment(instant, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(calendar.zone())));
    }

    private static Instant instant(String name, String value) {
        // An unencoded '+' of the offset arrives as a space in a query string.
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be an ISO-8601 instant with an offset, e.g. " + INSTANT_EXAMPLE
                    + " or 2026-02-13T02:00:00Z (encode '+' as %2B in a URL); was '" + value + "'");
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid calendar request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** An instant in UTC and in the agency's zone. */
    record Moment(Instant utc, String local) {
    }

    /**
     * @param provisional      whether the answer rests on a year counted on its provisional statutory calendar
     * @param provisionalYears which years those are
     */
    record Result(Moment from, Moment result, boolean provisional, SortedSet<Integer> provisionalYears) {

        Result(Moment from, Moment result, SortedSet<Integer> provisionalYears) {
            this(from, result, !provisionalYears.isEmpty(), provisionalYears);
        }
    }

    /**
     * @param workingTime  ISO-8601 duration of office time
     * @param workingHours the same in hours
     * @param workingDays  the same in working days of motcua.calendar.working-day-length
     */
    record Elapsed(Moment from, Moment to, boolean provisional, SortedSet<Integer> provisionalYears,
            Duration workingTime, BigDecimal workingHours, BigDecimal workingDays) {

        Elapsed(Moment from, Moment to, SortedSet<Integer> provisionalYears, Duration workingTime,
                BigDecimal workingHours, BigDecimal workingDays) {
            this(from, to, !provisionalYears.isEmpty(), provisionalYears, workingTime, workingHours, workingDays);
        }
    }

    record YearSummary(int year, Source source, boolean provisional, Integer revision, Instant loadedAt) {
    }
}
