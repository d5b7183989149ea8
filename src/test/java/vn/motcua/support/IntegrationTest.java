package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Base of every integration test: the whole application on its own PostgreSQL database with the
 * demo units and officers, an SMTP server ({@link TestMail}) and an SMSC ({@link TestSms}) of its own, one Spring context
 * shared by all test classes, driven over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
// Spring's tests leave out the Prometheus registry unless asked; operators scrape it (OperationsMetricsIT).
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    protected static final String UNIT = "000.00.01.H01";
    protected static final String OTHER_UNIT = "000.00.02.H01";
    protected static final String PROCEDURE = "household_business_registration";
    /** The document store of this run, under target/ so that a run leaves nothing elsewhere. */
    public static final Path DOCUMENTS = documentRoot();

    /** Demo officers' password (profile demo); the administrator is {@code admin}. */
    protected static final String PASSWORD = "demo";

    /** Nobody logged in: a citizen, or an attacker. {@link #as} gives an officer's client. */
    @Autowired
    protected TestRestTemplate http;

    protected EngineRest engine;

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

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
        // SMS goes to the in-process SMSC over SMPP (TestSms).
        registry.add("motcua.notify.sms.host", () -> "127.0.0.1");
        registry.add("motcua.notify.sms.port", TestSms::port);
        registry.add("motcua.notify.sms.system-id", () -> TestSms.SYSTEM_ID);
        registry.add("motcua.notify.sms.password", () -> TestSms.PASSWORD);
        registry.add("motcua.notify.sms.source-address", () -> TestSms.BRANDNAME);
        registry.add("motcua.documents.root", DOCUMENTS::toString);
        // Reports are pushed to receivers in the test JVM (TestWebhook): one for every unit, one for a ward.
        registry.add("motcua.report-push.endpoints.central.url", () -> TestWebhook.url("/trung-uong"));
        registry.add("motcua.report-push.endpoints.central.secret", () -> TestWebhook.SECRET);
        // ... which also takes the dossier event feed of every unit (DossierFeedIT).
        registry.add("motcua.report-push.endpoints.central.feed-url", () -> TestWebhook.url("/giao-dich"));
        registry.add("motcua.report-push.endpoints.phucxa.url", () -> TestWebhook.url("/phuong"));
        registry.add("motcua.report-push.endpoints.phucxa.secret", () -> TestWebhook.SECRET);
        registry.add("motcua.report-push.endpoints.phucxa.units", () -> "000.01.01.H01");
        registry.add("motcua.report-push.retry-cycle", () -> "R3/PT1S");
    }

    @BeforeEach
    void engineRest() {
        engine = new EngineRest(this::as);
    }

    /**
     * Runs now, once each, the jobs of {@code notification_delivery} that send the dossier's recorded
     * notifications (the tests' job executor is off), as the engine's job executor would.
     *
     * @return the errors of the jobs that failed (they stay, with one retry less)
     */
    protected List<String> sendNotifications(String dossierCode) {
        List<String> errors = new java.util.ArrayList<>();
        for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey("notification_delivery")
                .processInstanceBusinessKeyLike("dossier:" + dossierCode + ":%").list()) {
            for (var job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    errors.add(e.getMessage());
                }
            }
        }
        return errors;
    }

    /** Sends the dossier's recorded notifications ({@link #sendNotifications}); every one must go. */
    protected void sendNotificationsOk(String dossierCode) {
        assertThat(sendNotifications(dossierCode)).as("failed notification jobs of %s", dossierCode).isEmpty();
    }

    /** A client that sends this demo officer's credentials (HTTP Basic) with every request. */
    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    /** The reception officer of a demo unit, who enters counter and post dossiers. */
    /**
     * Today in Vietnam by the engine's clock, the clock the application stamps audit rows, payments and
     * reports with: a test that moved the clock, or a run that crosses midnight in Vietnam, still asks
     * for the day the application wrote.
     */
    protected static LocalDate engineToday() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    protected static String receptionOf(String unit) {
        return switch (unit) {
            case UNIT -> "reception";
            case OTHER_UNIT -> "reception2";
            default -> "reception.phucxa";
        };
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

    /** Submits with the documents every household business registration requires. */
    protected ResponseEntity<JsonNode> submit(String unit, String channel, String resultChannel, Map<String, Object> data) {
        return submit(unit, channel, resultChannel, data, requiredDocuments());
    }

    /** Submits as multipart/form-data: the JSON part {@code submission} and the files by slot id. */
    protected ResponseEntity<JsonNode> submit(String unit, String channel, String resultChannel, Map<String, Object> data,
            MultiValueMap<String, Object> files) {
        // Online: the citizen, anonymous; at the counter or by post: the unit's reception officer.
        TestRestTemplate client = "ONLINE".equals(channel) ? http : as(receptionOf(unit));
        return client.postForEntity("/api/dossiers", submission(PROCEDURE, unit, channel, resultChannel, data, files),
                JsonNode.class);
    }

    /** The body of {@code POST /api/dossiers} for any procedure modelled on household business registration. */
    public static HttpEntity<MultiValueMap<String, Object>> submission(String procedureKey, String unit, String channel,
            String resultChannel, Map<String, Object> data, MultiValueMap<String, Object> files) {
        return multipart("submission", Map.of(
                "procedureKey", procedureKey,
                "unitCode", unit,
                "channel", channel,
                "resultChannel", resultChannel,
                "data", data), files);
    }

    /** A multipart request as a page sends it: one JSON part, then the files (part name = slot id). */
    protected ResponseEntity<JsonNode> postMultipart(String path, String jsonPart, Object json,
            MultiValueMap<String, Object> files, Object... uriVariables) {
        return postMultipart(http, path, jsonPart, json, files, uriVariables);
    }

    /** The same, sent by this client (e.g. {@code as("reception")}). */
    protected ResponseEntity<JsonNode> postMultipart(TestRestTemplate client, String path, String jsonPart, Object json,
            MultiValueMap<String, Object> files, Object... uriVariables) {
        return client.postForEntity(path, multipart(jsonPart, json, files), JsonNode.class, uriVariables);
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String jsonPart, Object json,
            MultiValueMap<String, Object> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonHeaders = new HttpHeaders();
        jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
        parts.add(jsonPart, new HttpEntity<>(json, jsonHeaders));
        parts.addAll(files);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    /** The application form (PDF) and an identity card scan (PNG): what an individual's registration requires. */
    public static MultiValueMap<String, Object> requiredDocuments() {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("applicationForm", file("giấy-đề-nghị.pdf", TestFiles.pdf("Giay de nghi dang ky ho kinh doanh")));
        files.add("identityPapers", file("cccd.png", TestFiles.png()));
        return files;
    }

    /** A file part with the name the applicant's machine gives it. */
    protected static Object file(String fileName, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    protected String submitted(String channel, String resultChannel, String applicantName) {
        ResponseEntity<JsonNode> response = submit(UNIT, channel, resultChannel, householdBusiness(applicantName));
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("code").asText();
    }

    protected JsonNode dossier(String code) {
        ResponseEntity<JsonNode> response = as("admin").getForEntity("/api/dossiers/" + code, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Path documentRoot() {
        try {
            Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target"));
            Path root = Files.createTempDirectory(target, "it-documents-");
            // Like the run's database, the run's documents go when the JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(root.toFile())));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static List<String> column(JsonNode controlSheet, String field) {
        return java.util.stream.StreamSupport.stream(controlSheet.spliterator(), false)
                .map(row -> row.path(field).asText(null))
                .toList();
    }
}
