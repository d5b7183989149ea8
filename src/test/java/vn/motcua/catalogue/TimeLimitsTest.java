package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {

    @Test
    void shouldKeepExplicitSharesWhenTheyFitTheLegalDeadline() {
        TimeLimits limits = TimeLimits.read(Map.of("deadline", "3d", "share.reception", "0.5d",
                "share.processing", "1.5d", "share.approval", "0.5d", "share.resultReturn", "4h",
                "cutOff", "16:30", "clockPolicy", "PAUSE"));

        assertThat(limits.legal()).hasToString("3d");
        assertThat(limits.shares()).containsExactly(
                Map.entry(Phase.RECEPTION, Duration.ofHours(4)), Map.entry(Phase.PROCESSING, Duration.ofHours(12)),
                Map.entry(Phase.APPROVAL, Duration.ofHours(4)), Map.entry(Phase.RESULT_RETURN, Duration.ofHours(4)));
        assertThat(limits.cutOff()).isEqualTo(LocalTime.of(16, 30));
        assertThat(limits.clockPolicy()).isEqualTo(ClockPolicy.PAUSE);
        assertThat(limits.wholeWorkingDays()).isEqualTo(3);
    }

    @Test
    void shouldSplitWhatIsLeftByWeightWhenSharesAreMissing() {
        // 10 working days = 80 h; processing takes 40 h, the other 40 h go 1:2:1
        TimeLimits limits = TimeLimits.read(Map.of("deadline", "10d", "share.processing", "5d"));

        assertThat(limits.shares()).containsExactly(
                Map.entry(Phase.RECEPTION, Duration.ofHours(10)), Map.entry(Phase.PROCESSING, Duration.ofHours(40)),
                Map.entry(Phase.APPROVAL, Duration.ofHours(20)), Map.entry(Phase.RESULT_RETURN, Duration.ofHours(10)));
        assertThat(limits.cutOff()).as("calendar default").isNull();
        assertThat(limits.clockPolicy()).isEqualTo(ClockPolicy.RESTART);
    }

    @Test
    void shouldShareSameDayAndHourDeadlinesInMinutes() {
        TimeLimits sameDay = TimeLimits.read(Map.of("deadline", "same-day"));
        TimeLimits hours = TimeLimits.read(Map.of("deadline", "4h"));

        assertThat(sameDay.wholeWorkingDays()).isZero();
        assertThat(sameDay.shares().get(Phase.PROCESSING)).isEqualTo(Duration.ofMinutes(288)); // 6/10 of 8 h
        assertThat(hours.wholeWorkingDays()).isEqualTo(1);
        assertThat(hours.shares().values().stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThanOrEqualTo(Duration.ofHours(4));
    }

    @Test
    void shouldReadTheOlderPropertyAsWholeWorkingDays() {
        assertThat(TimeLimits.read(Map.of("deadlineWorkingDays", "15")).legal()).hasToString("15d");
    }

    @Nested
    class Refused {

        @Test
        void shouldNameTheSharesWhenTheyExceedTheLegalDeadline() {
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "share.processing", "2d",
                    "share.approval", "1.5d")))
                    .hasMessageContaining("procedure.share.*")
                    .hasMessageContaining("28 working hours, more than the legal deadline 3d (24 working hours)");
        }

        @Test
        void shouldNameTheDeadlineWhenMissingOrMalformed() {
            assertThatThrownBy(() -> TimeLimits.read(Map.of())).hasMessageStartingWith("procedure.deadline: missing");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3 days")))
                    .hasMessageStartingWith("procedure.deadline: '3 days' is not a working time");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "0d")))
                    .hasMessageStartingWith("procedure.deadline: '0d' must be more than zero");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "deadlineWorkingDays", "3")))
                    .hasMessageStartingWith("procedure.deadlineWorkingDays: set procedure.deadline only");
        }

        @Test
        void shouldNameUnknownPhasesCutOffAndPolicy() {
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "share.inspection", "1d")))
                    .hasMessageStartingWith("procedure.share.inspection: no such phase");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "cutOff", "3pm")))
                    .hasMessageStartingWith("procedure.cutOff: must be a local time");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "clockPolicy", "STOP")))
                    .hasMessageStartingWith("procedure.clockPolicy: must be PAUSE or RESTART");
            assertThatThrownBy(() -> TimeLimits.read(Map.of("deadline", "3d", "share.reception", "same-day")))
                    .hasMessageStartingWith("procedure.share.reception: a phase's share");
        }
    }
}
