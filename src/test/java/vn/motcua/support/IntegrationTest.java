package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Base of every integration test: the whole application on its own PostgreSQL database with the
 * demo units and officers and an SMTP server of its own ({@link TestMail}), one Spring context
 * shared by all test classes, driven over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class IntegrationTest {

    protected static final String UNIT = "000.00.01.H01";
    protected static final String OTHER_UNIT = "000.00.02.H01";
    protected static final String PROCEDURE = "household_business_registration";

    @Autowired
    protected TestRestTemplate http;

    protected EngineRest engine;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        // Timers are fired by the tests themselves, never by the clock.
        registry.add("camunda.bpm.job-execution.enabled", () -> "false");
        // The engine flushes metrics to the database when it closes, which races with the dropping
        // of the test database at JVM exit and then waits for a connection that never comes.
        registry.add("camunda.bpm.metrics.enabled", () -> "false");
        registry.add("camunda.bpm.metrics.db-reporter-activate", () -> "false");
        // E-mail notifications go to the in-process SMTP server (TestMail).
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @BeforeEach
    void engineRest() {
        engine = new EngineRest(http);
    }

    /** Values of the household business registration submission form that pass every rule. */
    protected static Map<String, Object> householdBusiness(String applicantName) {
        return new java.util.LinkedHashMap<>(Map.of(
                "applicantName", applicantName,
                "applicantIdNumber", "001085012345",
                "applicantPhone", "0912 345 678",
                "applicantEmail", "an.nguyen@example.vn",
                "applicantAddress", "12 Phố Đội Cấn, Ba Đình, Hà Nội",
                "businessName", "Hộ kinh doanh Phở Hà Nội",
                "businessAddress", "25 Phố Kim Mã, Ba Đình, Hà Nội",
                "businessLine", "Dịch vụ ăn uống",
                "capital", 150000000,
                "ownershipType", "INDIVIDUAL"));
    }

    protected ResponseEntity<JsonNode> submit(String unit, String channel, String resultChannel, Map<String, Object> data) {
        return http.postForEntity("/api/dossiers", Map.of(
                "procedureKey", PROCEDURE,
                "unitCode", unit,
                "channel", channel,
                "resultChannel", resultChannel,
                "data", data), JsonNode.class);
    }

    protected String submitted(String channel, String resultChannel, String applicantName) {
        ResponseEntity<JsonNode> response = submit(UNIT, channel, resultChannel, householdBusiness(applicantName));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("code").asText();
    }

    protected JsonNode dossier(String code) {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/dossiers/" + code, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    protected static List<String> column(JsonNode controlSheet, String field) {
        return java.util.stream.StreamSupport.stream(controlSheet.spliterator(), false)
                .map(row -> row.path(field).asText(null))
                .toList();
    }
}
