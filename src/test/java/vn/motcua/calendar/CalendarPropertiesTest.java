package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import vn.motcua.calendar.CalendarProperties.OfficePeriod;

class CalendarPropertiesTest {

    static OfficePeriod period(String start, String end) {
        return new OfficePeriod(LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void shouldDefaultToTheCommonOfficeHours() {
        CalendarProperties defaults = CalendarProperties.defaults();
        assertThat(defaults.officeHours()).containsExactly(period("07:30", "11:30"), period("13:00", "17:00"));
        assertThat(defaults.cutOff()).isEqualTo(LocalTime.of(15, 0));
        assertThat(defaults.officeTimePerDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void shouldBindTheSettingsOfApplicationYaml() {
        contextWith("motcua.calendar.office-hours[0].start=07:00", "motcua.calendar.office-hours[0].end=11:30",
                "motcua.calendar.office-hours[1].start=13:30", "motcua.calendar.office-hours[1].end=17:00",
                "motcua.calendar.cut-off=16:00")
                .run(context -> {
                    CalendarProperties settings = context.getBean(CalendarProperties.class);
                    assertThat(settings.officeHours()).containsExactly(period("07:00", "11:30"), period("13:30", "17:00"));
                    assertThat(settings.cutOff()).isEqualTo(LocalTime.of(16, 0));
                    assertThat(settings.officeTimePerDay()).isEqualTo(Duration.ofHours(8));
                });
    }

    @Test
    void shouldStopTheStartOnBadSettingsNamingThem() {
        contextWith("motcua.calendar.office-hours[0].start=17:00", "motcua.calendar.office-hours[0].end=07:30")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("motcua.calendar.office-hours[0]: start 17:00 must be before end 07:30"));
        contextWith("motcua.calendar.cut-off=3pm")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'motcua.calendar.cut-off'"));
    }

    private static ApplicationContextRunner contextWith(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(context -> context.getBeanFactory().setConversionService(new ApplicationConversionService()))
                .withUserConfiguration(Settings.class)
                .withPropertyValues(properties);
    }

    @EnableConfigurationProperties(CalendarProperties.class)
    static class Settings {
    }

    @Test
    void shouldSortOfficePeriods() {
        assertThat(new CalendarProperties(List.of(period("13:00", "17:00"), period("08:00", "12:00")), null, null)
                .officeHours()).containsExactly(period("08:00", "12:00"), period("13:00", "17:00"));
    }

    @Test
    void shouldRefuseAPeriodEndingBeforeItStarts() {
        assertThatThrownBy(() -> new CalendarProperties(List.of(period("11:30", "07:30")), null, null))
                .hasMessageContaining("motcua.calendar.office-hours[0]").hasMessageContaining("must be before");
    }

    @Test
    void shouldRefuseOverlappingPeriods() {
        assertThatThrownBy(() -> new CalendarProperties(List.of(period("07:30", "12:00"), period("11:30", "17:00")),
                null, null)).hasMessageContaining("overlap");
    }

    @Test
    void shouldRefuseAPeriodWithoutEnd() {
        assertThatThrownBy(() -> new CalendarProperties(List.of(new OfficePeriod(LocalTime.NOON, null)), null, null))
                .hasMessageContaining("needs a start and an end");
    }

}
