package vn.motcua.calendarwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.security.Officer;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestMail;

/**
 * The yearly warning with the engine's clock in 2040: nobody loads 2041 in the shared database, so it is
 * provisional; 2026 is shipped, so in 2025 there is nothing to warn about.
 */
class CalendarWarningIT extends IntegrationTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** An administrator with an address (the demo's admin has none), for this test only. */
    private static final String ADMINISTRATOR = "calendar.watch.admin";
    private static final String ADDRESS = "lich.quantri@motcua.example.vn";

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    @BeforeEach
    void administratorWithAnAddress() {
        User user = identity.newUser(ADMINISTRATOR);
        user.setFirstName("Quản trị");
        user.setLastName("Lịch");
        user.setEmail(ADDRESS);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(ADMINISTRATOR, Officer.ADMIN_GROUP);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identity.deleteMembership(ADMINISTRATOR, Officer.ADMIN_GROUP);
        identity.deleteUser(ADMINISTRATOR);
    }

    @Test
    void shouldWarnFrom1OctoberAndEMailTheAdministratorsOncePerWeekWhileNextYearIsProvisional() {
        // Given 30 September 2040: 2041 is provisional, but the warning has not started
        clockAt("2040-09-30T10:00");
        int sent = TestMail.to(ADDRESS).size();
        JsonNode calendar = healthDetails();
        assertThat(calendar.at("/year").asInt()).isEqualTo(2041);
        assertThat(calendar.at("/provisional").asBoolean()).isTrue();
        assertThat(calendar.at("/warnFrom").asText()).isEqualTo("2040-10-01");
        assertThat(calendar.at("/warning").asBoolean()).isFalse();
        assertThat(gauge("motcua_calendar_next_year_provisional")).isEqualTo(1);
        assertThat(gauge("motcua_calendar_next_year_warning")).isZero();
        dailyRun();
        assertThat(TestMail.to(ADDRESS)).hasSize(sent);
        assertThat(dashboard()).doesNotContain("calendar-warning");

        // When 1 October comes (a Monday, ISO week 40)
        clockAt("2040-10-01T08:00");

        // Then the health details and the meters warn, status UP: nothing fails on a provisional year
        assertThat(healthDetails().at("/warning").asBoolean()).isTrue();
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody().at("/components/calendar/status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().at("/components/calendar/details").isMissingNode()).isTrue();
        assertThat(gauge("motcua_calendar_next_year_warning")).isEqualTo(1);
        assertThat(gauge("motcua_calendar_next_year_days_left")).isEqualTo(92);
        // and the dashboard shows the banner with how to load the year
        assertThat(dashboard()).contains("id=\"calendar-warning\"", "Lịch làm việc năm 2041 chưa được nạp",
                "PUT /api/calendar/years/2041");

        // and the daily run e-mails the administrator once, however often it runs that week
        dailyRun();
        dailyRun();
        assertThat(TestMail.to(ADDRESS)).hasSize(sent + 1).last()
                .satisfies(mail -> assertThat(mail.getSubject()).contains("Lịch làm việc năm 2041 chưa được nạp"));
        clockAt("2040-10-07T08:00");
        dailyRun();
        assertThat(TestMail.to(ADDRESS)).hasSize(sent + 1);

        // and again in the next ISO week
        clockAt("2040-10-08T08:00");
        dailyRun();
        assertThat(TestMail.to(ADDRESS)).hasSize(sent + 2);
    }

    @Test
    void shouldNotWarnWhenNextYearIsLoaded() {
        // 2026 is shipped with the application, as a year an administrator loaded
        clockAt("2025-10-06T08:00");
        int sent = TestMail.to(ADDRESS).size();

        JsonNode calendar = healthDetails();
        assertThat(calendar.at("/year").asInt()).isEqualTo(2026);
        assertThat(calendar.at("/provisional").asBoolean()).isFalse();
        assertThat(calendar.at("/warning").asBoolean()).isFalse();
        assertThat(gauge("motcua_calendar_next_year_provisional")).isZero();
        assertThat(gauge("motcua_calendar_next_year_warning")).isZero();
        dailyRun();
        assertThat(TestMail.to(ADDRESS)).hasSize(sent);
        assertThat(dashboard()).doesNotContain("calendar-warning");
    }

    private static void clockAt(String hanoiTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(hanoiTime).atZone(HANOI).toInstant()));
    }

    /** What the engine's daily timer does (the shared context's job executor is off). */
    private void dailyRun() {
        Job timer = management.createJobQuery().processDefinitionKey(CalendarWatch.PROCESS)
                .activityId(CalendarWatch.TIMER).timers().singleResult();
        assertThat(timer).as("the daily timer of calendar_watch").isNotNull();
        management.executeJob(timer.getId());
    }

    private JsonNode healthDetails() {
        JsonNode health = as("prometheus").getForEntity("/actuator/health", JsonNode.class).getBody();
        assertThat(health.at("/components/calendar/status").asText()).isEqualTo("UP");
        return health.at("/components/calendar/details");
    }

    private double gauge(String series) {
        ResponseEntity<String> response = as("prometheus").getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(response.getBody());
        assertThat(line.find()).as("series %s", series).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private String dashboard() {
        ResponseEntity<String> page = as("supervisor").getForEntity("/bao-cao", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }
}
