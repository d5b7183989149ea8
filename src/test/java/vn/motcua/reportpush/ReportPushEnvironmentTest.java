package vn.motcua.reportpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import vn.motcua.reports.PeriodKind;

/**
 * The environment variables docs/reporting-push.md names, bound the way Spring binds the process
 * environment: the dash of {@code report-push} drops out ({@code MOTCUA_REPORTPUSH_...}); the form with
 * an underscore in its place binds the endpoints' map to nothing.
 */
class ReportPushEnvironmentTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void shouldBindTheDocumentedVariables() {
        ReportPushProperties bound = bind(Map.of(
                "MOTCUA_REPORTPUSH_ENDPOINTS_CENTRAL_URL", "https://tonghop.example.gov.vn/bao-cao",
                "MOTCUA_REPORTPUSH_ENDPOINTS_CENTRAL_SECRET", SECRET,
                "MOTCUA_REPORTPUSH_PERIOD", "QUARTER"));

        assertThat(bound.period()).isEqualTo(PeriodKind.QUARTER);
        assertThat(bound.endpoints()).containsOnlyKeys("central");
        assertThat(bound.endpoints().get("central").url()).hasToString("https://tonghop.example.gov.vn/bao-cao");
        assertThat(bound.endpoints().get("central").secret()).isEqualTo(SECRET);
    }

    @Test
    void shouldBindTheFeedUrlAndFeedDossiersThatHaveBeenAtTheEndpointsUnits() {
        ReportPushProperties bound = bind(Map.of(
                "MOTCUA_REPORTPUSH_ENDPOINTS_CENTRAL_URL", "https://tonghop.example.gov.vn/bao-cao",
                "MOTCUA_REPORTPUSH_ENDPOINTS_CENTRAL_FEEDURL", "https://tonghop.example.gov.vn/giao-dich",
                "MOTCUA_REPORTPUSH_ENDPOINTS_CENTRAL_SECRET", SECRET,
                "MOTCUA_REPORTPUSH_ENDPOINTS_DISTRICT_URL", "https://huyen.example.gov.vn/bao-cao",
                "MOTCUA_REPORTPUSH_ENDPOINTS_DISTRICT_FEEDURL", "https://huyen.example.gov.vn/giao-dich",
                "MOTCUA_REPORTPUSH_ENDPOINTS_DISTRICT_SECRET", SECRET,
                "MOTCUA_REPORTPUSH_ENDPOINTS_DISTRICT_UNITS", "000.00.01.H01",
                "MOTCUA_REPORTPUSH_ENDPOINTS_REPORTSONLY_URL", "https://baocao.example.gov.vn/",
                "MOTCUA_REPORTPUSH_ENDPOINTS_REPORTSONLY_SECRET", SECRET));

        assertThat(bound.endpoints().get("central").feedUrl()).hasToString("https://tonghop.example.gov.vn/giao-dich");
        java.util.List<String> commune = java.util.List.of("000.01.01.H01");
        java.util.List<String> communeThenDistrict = java.util.List.of("000.01.01.H01", "000.00.01.H01");
        assertThat(bound.endpoints().get("central").feeds(commune)).as("every unit").isTrue();
        assertThat(bound.endpoints().get("district").feeds(commune)).as("not yet at the district").isFalse();
        assertThat(bound.endpoints().get("district").feeds(communeThenDistrict)).as("handed over to it").isTrue();
        assertThat(bound.endpoints().get("reportsonly").feeds(communeThenDistrict)).as("no feed-url").isFalse();
    }

    @Test
    void shouldNotBindEndpointsWithAnUnderscoreForTheDash() {
        ReportPushProperties bound = bind(Map.of(
                "MOTCUA_REPORT_PUSH_ENDPOINTS_CENTRAL_URL", "https://tonghop.example.gov.vn/bao-cao",
                "MOTCUA_REPORT_PUSH_ENDPOINTS_CENTRAL_SECRET", SECRET));

        assertThat(bound.endpoints()).isEmpty();
    }

    private static ReportPushProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("motcua.report-push", ReportPushProperties.class);
    }
}
