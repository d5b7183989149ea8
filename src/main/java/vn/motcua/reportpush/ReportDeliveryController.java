package vn.motcua.reportpush;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.motcua.security.UnitAccess;

import vn.motcua.reports.PeriodKind;

/** The delivery log of report pushes, and re-sending a period; for administrators and supervisors of every unit. */
@RestController
@RequestMapping("/api/report-deliveries")
@Tag(name = "Report push", description = "Reports pushed to central systems: the delivery log, re-sending a period")
class ReportDeliveryController {

    private final ReportPush push;
    private final DossierFeed feed;
    private final UnitAccess access;

    ReportDeliveryController(ReportPush push, DossierFeed feed, UnitAccess access) {
        this.push = push;
        this.feed = feed;
        this.access = access;
    }

    /** What the log lists: the periodic reports, or the events of the dossier feed. */
    enum Kind {
        REPORT, EVENT
    }

    /**
     * Report deliveries of the periods that start between {@code from} and {@code to} (default: the last year),
     * newest first; with {@code kind=EVENT}, the event deliveries created between those days instead (at most
     * 1000); with {@code dossier}, every event delivery of that dossier, in the order of its feed per endpoint.
     */
    @GetMapping
    List<ReportDelivery> deliveries(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String endpoint,
            @RequestParam(required = false) ReportDelivery.Status status,
            @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String dossier) {
        if (dossier != null) {
            return push.eventDeliveries(dossier, endpoint, status);
        }
        LocalDate until = to == null ? LocalDate.now().plusDays(1) : to;
        LocalDate since = from == null ? until.minusYears(1) : from;
        return kind == Kind.EVENT ? push.eventDeliveries(since, until, endpoint, status)
                : push.deliveries(since, until, endpoint, status);
    }

    /** One delivery with every attempt: when, how long, the receiver's status code or the error. */
    @GetMapping("/{id}")
    ReportDelivery delivery(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String id) {
        return push.delivery(id);
    }

    /** Sends a period again (new deliveries; the engine sends and retries them like the scheduled ones). */
    @PostMapping("/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<ReportDelivery> resend(@Valid @RequestBody Resend request) {
        return push.resend(ReportPush.periodStarting(request.periodType(), request.periodFrom()), request.endpoint(),
                access.actor());
    }

    /**
     * Sends one delivery again. A report: its period to its endpoint, as {@code /resend} does. A feed event
     * not yet accepted: its job runs again now (an incident is resolved), and the dossier's later events follow
     * in order; one waiting for an earlier event is refused (409). A feed event accepted before: a new delivery
     * of it (same event id) outside the order.
     */
    @PostMapping("/{id}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<ReportDelivery> resendOne(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String id) {
        ReportDelivery delivery = push.delivery(id);
        if (delivery.event() != null) {
            return feed.resend(delivery, access.actor());
        }
        return push.resend(ReportPush.periodStarting(delivery.periodType(), delivery.periodFrom()), delivery.endpoint(),
                access.actor());
    }

    /**
     * @param periodType DAY, MONTH, QUARTER or YEAR
     * @param periodFrom the period's first day (the 1st of the month for MONTH, ...)
     * @param endpoint   one endpoint's name; every endpoint when absent
     */
    record Resend(@NotNull PeriodKind periodType, @NotNull LocalDate periodFrom,
            @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String endpoint) {
    }
}
