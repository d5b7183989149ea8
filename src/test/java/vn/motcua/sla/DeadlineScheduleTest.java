package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.calendar.CalendarProperties;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Allowance;
import vn.motcua.catalogue.Phase;
import vn.motcua.catalogue.TimeLimits;
import vn.motcua.modelling.ExtensionProperties;

/** Deadlines on the shipped 2024-2026 calendar (07:30-11:30, 13:00-17:00; cut-off 15:00), local times in Hà Nội. */
class DeadlineScheduleTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DeadlineSchedule schedule = new DeadlineSchedule(
            WorkingCalendar.ofShippedYears(CalendarProperties.defaults(), HANOI),
            new SlaProperties(new BigDecimal("0.25"), Duration.ofHours(8), 80));

    /** Household business registration: 3d, shares 0.5d / 1.5d / 0.5d / 0.5d. */
    private final TimeLimits household = TimeLimits.read(Map.of("deadline", "3d", "share.reception", "0.5d",
            "share.processing", "1.5d", "share.approval", "0.5d", "share.resultReturn", "0.5d", "cutOff", "15:00"));

    @ParameterizedTest(name = "received {0}, {1} -> due {2}")
    @CsvSource({
            // a weekend in the middle
            "2026-11-20T10:00, 3d, 2026-11-25T10:00",
            // after the cut-off: counts from the next working day's opening and ends at a close
            "2026-11-20T15:30, 3d, 2026-11-25T17:00",
            // outside office hours before the cut-off (lunch): from the afternoon opening, 8 office hours
            "2026-11-23T12:00, 1d, 2026-11-24T11:30",
            // Tết 2024 (8-14 Feb)
            "2024-02-07T09:00, 1d, 2024-02-15T09:00",
            // 30 April / 1 May 2024 (27 Apr - 1 May off) and the make-up Saturday 4 May 2024
            "2024-04-26T09:00, 1d, 2024-05-02T09:00",
            "2024-05-03T09:00, 1d, 2024-05-04T09:00",
            // National Day 2024 (2-3 Sep)
            "2024-08-30T09:00, 1d, 2024-09-04T09:00",
            // Tết 2025 (25 Jan - 2 Feb)
            "2025-01-24T09:00, 1d, 2025-02-03T09:00",
            // 30 April - 2 May 2025 and National Day 2025 (1-2 Sep)
            "2025-04-29T09:00, 1d, 2025-05-05T09:00",
            "2025-08-29T09:00, 1d, 2025-09-03T09:00",
            // Tết 2026 (16-20 Feb, nine days with the weekends)
            "2026-02-13T10:00, 3d, 2026-02-25T10:00",
            // Hùng Kings 2026 compensated on Monday 27 April, then 30 April - 1 May 2026
            "2026-04-24T09:00, 1d, 2026-04-28T09:00",
            "2026-04-29T09:00, 1d, 2026-05-04T09:00",
            // working hours: 1.5 h before lunch, 2.5 h after (13:00-15:30)
            "2026-11-23T10:00, 4h, 2026-11-23T15:30",
            // half a working day across the evening (3 h, then 1 h)
            "2026-11-23T14:00, 0.5d, 2026-11-24T08:30",
            // exactly at the cut-off counts from the next working day
            "2026-11-23T15:00, 0.5d, 2026-11-24T11:30",
            // same day, and same day after the cut-off
            "2026-11-23T09:00, same-day, 2026-11-23T17:00",
            "2026-11-23T15:01, same-day, 2026-11-24T17:00"})
    void shouldCountTheLegalDeadlineOnWorkingTime(String received, String legal, String due) {
        TimeLimits limits = TimeLimits.read(Map.of("deadline", legal));

        Instant start = schedule.countingStart(local(received), limits);

        assertThat(schedule.due(start, Allowance.parse(legal))).isEqualTo(local(due));
    }

    /** Certified copy (Decree 23/2015, art. 7): the same day, or the next working day when received after 15:00. */
    @ParameterizedTest(name = "certified copy received {0} -> due {1}")
    @CsvSource({
            "2026-11-20T14:59, 2026-11-20T17:00",
            "2026-11-20T15:00, 2026-11-23T17:00",
            "2026-11-20T16:45, 2026-11-23T17:00"})
    void shouldReturnCertifiedCopySameDayOrNextWorkingDayAfterCutOff(String received, String due) {
        TimeLimits certifiedCopy = TimeLimits.read(procedureProperties(Path.of("processes/procedures/certified-copy.bpmn")));

        Instant start = schedule.countingStart(local(received), certifiedCopy);

        assertThat(schedule.due(start, certifiedCopy.legal())).isEqualTo(local(due));
    }

    /** The model's procedure.* properties without the prefix, as the catalogue reads them. */
    private static Map<String, String> procedureProperties(Path model) {
        Process process = Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(Process.class).iterator().next();
        Map<String, String> properties = new java.util.HashMap<>();
        ExtensionProperties.of(process).forEach((name, value) -> {
            if (name.startsWith("procedure.")) {
                properties.put(name.substring("procedure.".length()), value);
            }
        });
        return properties;
    }

    @Test
    void shouldUseTheProceduresOwnCutOff() {
        TimeLimits late = TimeLimits.read(Map.of("deadline", "1d", "cutOff", "16:30"));

        assertThat(schedule.countingStart(local("2026-11-23T16:00"), late)).isEqualTo(local("2026-11-23T16:00"));
        assertThat(schedule.countingStart(local("2026-11-23T16:31"), late)).isEqualTo(local("2026-11-24T07:30"));
    }

    @Test
    void shouldLayThePhasesOneAfterTheOtherWithinTheDossiersDueDate() {
        Instant start = local("2026-11-23T08:00");
        Instant due = schedule.due(start, household.legal()); // Thursday 26 Nov 08:00

        assertThat(schedule.phaseDue(start, Duration.ZERO, household, due, Phase.RECEPTION))
                .isEqualTo(local("2026-11-23T13:30")); // 3.5 h + 0.5 h
        assertThat(schedule.phaseDue(start, Duration.ZERO, household, due, Phase.PROCESSING))
                .isEqualTo(local("2026-11-25T08:00")); // 16 h of office time: 7.5 + 8 + 0.5
        assertThat(schedule.phaseDue(start, Duration.ZERO, household, due, Phase.RESULT_RETURN))
                .as("never after the dossier's due date").isEqualTo(due);
        // Paused for 3 working hours (PAUSE moves the dossier's due date by them too): every phase moves by them
        Instant extended = schedule.extend(due, Duration.ofHours(3));
        assertThat(schedule.phaseDue(start, Duration.ofHours(3), household, extended, Phase.RECEPTION))
                .isEqualTo(local("2026-11-23T16:30"));
    }

    @Test
    void shouldShrinkThePhasesIntoWhatASameDayDossierHasLeftSoThatResultReturnKeepsItsPart() {
        // A same-day deadline's shares are laid on one working day (8 h: reception 0.8 h, processing 4.8 h,
        // approval 1.6 h, result return 0.8 h), but received at 14:00 the dossier has 3 hours: 3/8 of each.
        TimeLimits sameDay = TimeLimits.read(Map.of("deadline", "same-day"));
        Instant start = local("2026-11-23T14:00");
        Instant due = schedule.due(start, sameDay.legal());
        assertThat(due).isEqualTo(local("2026-11-23T17:00"));

        Instant approval = schedule.phaseDue(start, Duration.ZERO, sameDay, due, Phase.APPROVAL);
        assertThat(schedule.phaseDue(start, Duration.ZERO, sameDay, due, Phase.RECEPTION)).isEqualTo(local("2026-11-23T14:18"));
        assertThat(schedule.phaseDue(start, Duration.ZERO, sameDay, due, Phase.PROCESSING)).isEqualTo(local("2026-11-23T16:06"));
        assertThat(approval).isEqualTo(local("2026-11-23T16:42"));
        assertThat(schedule.phaseDue(start, Duration.ZERO, sameDay, due, Phase.RESULT_RETURN)).isEqualTo(due);
        assertThat(schedule.workingTimeBetween(approval, due)).as("result return keeps its part").isEqualTo(Duration.ofMinutes(18));
    }

    @Test
    void shouldGiveOneMeaningToADueDate() {
        TimeLimits threeDays = TimeLimits.read(Map.of("deadline", "3d"));
        TimeLimits oneDay = TimeLimits.read(Map.of("deadline", "1d"));
        // Received 09:00 Monday, 3 days: due 09:00 Thursday.
        Instant monday = schedule.countingStart(local("2026-11-23T09:00"), threeDays);
        assertThat(schedule.due(monday, threeDays.legal())).isEqualTo(local("2026-11-26T09:00"));
        // Received Friday after the cut-off: the clock starts at Monday's opening and a 1-day procedure is
        // due at Monday's close, not at Tuesday's opening.
        Instant afterCutOff = schedule.countingStart(local("2026-11-20T15:30"), oneDay);
        assertThat(afterCutOff).isEqualTo(local("2026-11-23T07:30"));
        assertThat(schedule.due(afterCutOff, oneDay.legal())).isEqualTo(local("2026-11-23T17:00"));
        // The working time to an N-day due date is exactly N working days.
        Instant due = schedule.due(afterCutOff, threeDays.legal());
        assertThat(schedule.workingTimeBetween(afterCutOff, due)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldWarnAQuarterOfTheAllowanceBeforeButNoMoreThanOneWorkingDay() {
        Instant start = local("2026-11-23T08:00");
        Instant due = schedule.due(start, household.legal());

        // 3 days = 24 h: a quarter is 6 h of office time before Thursday 08:00
        assertThat(schedule.dossierWarning(start, due, household)).isEqualTo(local("2026-11-25T10:00"));
        // 15 days: a quarter would be 30 h, one working day (8 h) at most
        TimeLimits long15 = TimeLimits.read(Map.of("deadline", "15d"));
        Instant due15 = schedule.due(start, long15.legal());
        assertThat(schedule.workingTimeBetween(schedule.dossierWarning(start, due15, long15), due15))
                .isEqualTo(Duration.ofHours(8));
        // reception, half a day: one hour before its due date
        Instant reception = schedule.phaseDue(start, Duration.ZERO, household, due, Phase.RECEPTION);
        assertThat(schedule.phaseWarning(start, reception, household, Phase.RECEPTION)).isEqualTo(local("2026-11-23T11:00"));
    }

    @Test
    void shouldMoveTheDueDateByTheWorkingTimeWaitedWhenPaused() {
        Instant due = local("2026-11-26T08:00");
        // paused from Monday 09:00 to Wednesday 09:00: 2.5 + 4 + 8 + 1.5 = 16 h of office time
        Duration waited = schedule.workingTimeBetween(local("2026-11-23T09:00"), local("2026-11-25T09:00"));

        assertThat(waited).isEqualTo(Duration.ofHours(16));
        assertThat(schedule.extend(due, waited)).isEqualTo(local("2026-11-30T08:00"));
    }

    @Test
    void shouldKeepANewAppointmentUntilTheEndOfItsWorkingDay() {
        assertThat(schedule.endOfWorkingDay(LocalDate.of(2026, 12, 1))).isEqualTo(local("2026-12-01T17:00"));
    }

        static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }
}
