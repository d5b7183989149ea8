package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TravellingDossiers;

/**
 * Every role against every kind of resource: our REST API, the engine REST API, Camunda's webapps.
 * Two dossiers wait at reception, one in each demo unit; no officer of one unit may see or touch the
 * other's, and nobody without a login sees any.
 */
class AccessMatrixIT extends IntegrationTest {

    private static final String ANONYMOUS = "-";

    private String mine;
    private String theirs;

    @BeforeEach
    void twoDossiers() {
        mine = submitted("ONLINE", "ONLINE", "Ngô Văn Phúc");
        ResponseEntity<JsonNode> other = submit(OTHER_UNIT, "ONLINE", "ONLINE", householdBusiness("Lý Thị Quỳnh"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        theirs = other.getBody().get("code").asText();
    }

    private TestRestTemplate client(String user) {
        return ANONYMOUS.equals(user) ? http : as(user);
    }

    @Nested
    class OurApi {

        @ParameterizedTest(name = "{0} reads a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 200", "specialist, 200", "head, 200", "supervisor, 200", "admin, 200",
                "reception2, 403", "specialist2, 403", "head2, 403"})
        void shouldShowADossierOnlyToItsUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/dossiers/{code}", JsonNode.class, mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            if (status != 200) {
                assertProblem(response, status);
                assertThat(response.getBody().toString()).doesNotContain("Ngô Văn Phúc");
            }
        }

        @Test
        void shouldShowTheOtherUnitsDossierOnlyToThatUnit() {
            assertThat(as("reception2").getForEntity("/api/dossiers/{code}", JsonNode.class, theirs).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertProblem(as("reception").getForEntity("/api/dossiers/{code}", JsonNode.class, theirs), 403);
            assertProblem(as("head").getForEntity("/api/dossiers/{code}", JsonNode.class, theirs), 403);
        }

        @ParameterizedTest(name = "{0} answers a supplement of unit 1: {1}")
        @CsvSource({"-, 401", "reception2, 403", "head2, 403", "supervisor, 403"})
        void shouldLetOnlyTheUnitChangeADossier(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).postForEntity("/api/dossiers/{code}/supplement",
                    Map.of("note", "Bổ sung giả mạo"), JsonNode.class, mine);
            assertProblem(response, status);
            assertThat(dossier(mine).get("status").asText()).isEqualTo("SUBMITTED");
        }

        @ParameterizedTest(name = "{0} lists the notifications of a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 200", "head, 200", "reception2, 403"})
        void shouldShowNotificationsOnlyToTheUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/notifications?dossier={code}",
                    JsonNode.class, mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} enters a counter dossier for unit 1: {1}")
        @CsvSource({"-, 401", "specialist, 403", "head, 403", "reception2, 403", "reception, 201"})
        void shouldLetOnlyTheUnitsReceptionEnterCounterDossiers(String user, int status) {
            ResponseEntity<JsonNode> response = postMultipart(client(user), "/api/dossiers", "submission", Map.of(
                    "procedureKey", PROCEDURE, "unitCode", UNIT, "channel", "COUNTER", "resultChannel", "COUNTER",
                    "data", householdBusiness("Trịnh Văn Sang")), requiredDocuments());
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            if (status == 201) {
                assertThat(response.getBody().get("controlSheet").get(0).get("actor").asText()).isEqualTo(user);
            } else {
                assertProblem(response, status);
            }
        }

        @ParameterizedTest(name = "{0} reads the fee of a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 200", "head, 200", "supervisor, 200", "reception2, 403", "head2, 403"})
        void shouldShowAFeeOnlyToTheDossiersUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/payments/{code}", JsonNode.class, mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            if (status != 200) {
                assertProblem(response, status);
            }
        }

        @ParameterizedTest(name = "{0} takes cash for a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "specialist, 403", "head, 403", "supervisor, 403", "reception2, 403"})
        void shouldLetOnlyTheUnitsReceptionTakeCash(String user, int status) {
            assertProblem(client(user).postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000), JsonNode.class,
                    mine), status);
        }

        @ParameterizedTest(name = "{0} lists the payment exceptions of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 200", "admin, 200", "specialist, 403", "head, 403", "reception2, 403"})
        void shouldShowPaymentExceptionsOnlyToTheUnitsReception(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/payments/exceptions?unit={unit}",
                    JsonNode.class, UNIT);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} reads the fee totals of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 403", "specialist, 403", "head2, 403", "head, 200", "supervisor, 200",
                "admin, 200"})
        void shouldShowFeeTotalsToTheHeadAndSupervisors(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity(
                    "/api/reports/fees?period=year&date=2026-01-01&unit={unit}", JsonNode.class, UNIT);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} reads the audit trail of a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 403", "specialist, 403", "head2, 403", "supervisor, 403", "head, 200",
                "admin, 200"})
        void shouldShowTheAuditTrailOnlyToTheHeadOfUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/audit?dossier={code}", JsonNode.class,
                    mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            if (status == 200) {
                assertThat(column(response.getBody(), "action")).contains("SUBMITTED");
                assertThat(column(response.getBody(), "dossierCode")).containsOnly(mine);
            }
        }

        @ParameterizedTest(name = "{0} reads report II.06a of unit {1}: {2}")
        @CsvSource({"-, 000.00.01.H01, 401", "reception, 000.00.01.H01, 403", "specialist, 000.00.01.H01, 403",
                "head2, 000.00.01.H01, 403", "supervisor2, 000.00.01.H01, 403", "head, 000.00.01.H01, 200",
                "supervisor, 000.00.01.H01, 200", "admin, 000.00.01.H01, 200", "supervisor2, 000.00.02.H01, 200"})
        void shouldShowAUnitsReportsToItsHeadAndSupervisors(String user, String unit, int status) {
            for (String report : List.of("/api/reports/ii06a?unit={unit}", "/api/reports/overdue?unit={unit}")) {
                ResponseEntity<JsonNode> response = client(user).getForEntity(report, JsonNode.class, unit);
                if (status == 200) {
                    assertThat(response.getStatusCode().value()).as(report).isEqualTo(200);
                } else {
                    assertProblem(response, status);
                    assertThat(response.getBody().toString()).doesNotContain("Ngô Văn Phúc");
                }
            }
            ResponseEntity<String> export = client(user).getForEntity("/api/reports/overdue?unit={unit}&format=csv",
                    String.class, unit);
            assertThat(export.getStatusCode().value()).isEqualTo(status);
            assertThat(export.getBody()).doesNotContain("Ngô Văn Phúc");
        }

        @ParameterizedTest(name = "{0} reads the reports of every unit they may: {1}")
        @CsvSource({"-, 401", "reception, 403", "specialist2, 403", "head, 200", "supervisor2, 200", "supervisor, 200"})
        void shouldReportOnEveryUnitOnlyToReportReaders(String user, int status) {
            for (String report : List.of("/api/reports/ii06a?period=year", "/api/reports/rankings?period=year")) {
                ResponseEntity<JsonNode> response = client(user).getForEntity(report, JsonNode.class);
                if (status == 200) {
                    assertThat(response.getStatusCode().value()).isEqualTo(200);
                } else {
                    assertProblem(response, status);
                }
            }
        }

        @ParameterizedTest(name = "{0} loads a calendar year: {1}")
        @CsvSource({"-, 401", "reception, 403", "head, 403", "supervisor, 403"})
        void shouldLetOnlyAdministratorsLoadCalendarYears(String user, int status) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType("application/yaml"));
            ResponseEntity<JsonNode> response = client(user).exchange("/api/calendar/years/2030", HttpMethod.PUT,
                    new HttpEntity<>("year: 2030\n", headers), JsonNode.class);
            assertProblem(response, status);
        }

        @ParameterizedTest(name = "{0} manages units and officers: {1}")
        @CsvSource({"-, 401", "reception, 403", "specialist, 403", "head, 403", "supervisor, 403", "central, 403",
                "reception2, 403", "admin, 200"})
        void shouldLetOnlyAdministratorsManageUnitsAndOfficers(String user, int status) {
            ResponseEntity<JsonNode> list = client(user).getForEntity("/api/admin/units", JsonNode.class);
            ResponseEntity<JsonNode> holders = client(user).getForEntity("/api/admin/units/{code}/officers", JsonNode.class, UNIT);
            if (status == 200) {
                assertThat(list.getStatusCode().value()).isEqualTo(200);
                assertThat(holders.getStatusCode().value()).isEqualTo(200);
                return;
            }
            assertProblem(list, status);
            assertProblem(holders, status);
            // Changes are refused before anything is read: the unit, the user and the role never matter.
            assertProblem(client(user).postForEntity("/api/admin/units",
                    Map.of("code", "000.00.77.H01", "name", "Giả mạo", "level", "DISTRICT"), JsonNode.class), status);
            assertProblem(client(user).exchange("/api/admin/units/{code}/officers/head/{user}", HttpMethod.PUT, null,
                    JsonNode.class, UNIT, "reception"), status);
            assertProblem(client(user).exchange("/api/admin/units/{code}/officers/reception/reception", HttpMethod.DELETE,
                    null, JsonNode.class, UNIT), status);
            assertProblem(client(user).postForEntity("/api/admin/units/{code}/close", null, JsonNode.class, UNIT), status);
            assertProblem(client(user).exchange("/api/admin/units/{code}", HttpMethod.DELETE, null, JsonNode.class, UNIT), status);
            assertProblem(client(user).postForEntity("/api/admin/officers",
                    Map.of("id", "ke.gian", "lastName", "Kẻ gian", "password", "mat-khau-gia"), JsonNode.class), status);
            HttpHeaders csv = new HttpHeaders();
            csv.setContentType(MediaType.parseMediaType("text/csv"));
            assertProblem(client(user).postForEntity("/api/admin/units/import",
                    new HttpEntity<>("code,name,level\n000.00.78.H01,Giả mạo,DISTRICT\n", csv), JsonNode.class), status);
            // The page: nobody logged in is sent to the login form (which the client follows), officers get a 403.
            ResponseEntity<String> page = client(user).getForEntity("/quan-tri/don-vi", String.class);
            assertThat(page.getBody()).doesNotContain("id=\"create-unit\"");
            if (!ANONYMOUS.equals(user)) {
                assertThat(page.getStatusCode().value()).isEqualTo(403);
            }
            assertThat(as("admin").getForEntity("/api/admin/units/000.00.77.H01", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void shouldKeepTheCatalogueOpenToEveryone() {
            assertThat(http.getForEntity("/api/procedures", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/api/units", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/api-docs", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        @ParameterizedTest(name = "{0} reads the log of reports pushed to central systems: {1}")
        @CsvSource({"-, 401", "reception, 403", "head, 403", "supervisor2, 403", "central, 403", "prometheus, 403",
                "supervisor, 200", "admin, 200"})
        void shouldShowTheReportDeliveriesToSupervisorsOfEveryUnitOnly(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/report-deliveries", JsonNode.class);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} reads every unit's II.06a as a central system does: {1}")
        @CsvSource({"-, 401", "reception, 403", "prometheus, 403", "central, 200", "supervisor, 200"})
        void shouldLetTheCentralSystemsMachineUserReadTheReports(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/reports/ii06a?unit={unit}", JsonNode.class,
                    OTHER_UNIT);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            // ... and nothing about single dossiers
            assertThat(client(user).getForEntity("/api/dossiers/{code}", JsonNode.class, theirs).getStatusCode().value())
                    .isEqualTo(status == 401 ? 401 : "supervisor".equals(user) ? 200 : 403);
        }

        @ParameterizedTest(name = "{0} scrapes the operations metrics: {1}")
        @CsvSource({"-, 401", "supervisor, 403", "central, 403", "head, 403", "prometheus, 200", "admin, 200"})
        void shouldKeepMetricsToTheMonitoringUser(String user, int status) {
            assertThat(client(user).getForEntity("/actuator/prometheus", String.class).getStatusCode().value())
                    .isEqualTo(status);
        }

        @Test
        void shouldRefuseBadPasswordsWithAProblemBody() {
            // Not a demo officer: a failed login locks its user for a few seconds (the engine's delay).
            ResponseEntity<JsonNode> response = http.withBasicAuth("nobody-" + mine, "wrong")
                    .getForEntity("/api/dossiers/{code}", JsonNode.class, mine);
            assertProblem(response, 401);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        }
    }

    @Nested
    class CapabilitiesUnderADossier {

        @ParameterizedTest(name = "{0} lists the documents of a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "reception, 200", "specialist, 200", "head, 200", "supervisor, 200", "reception2, 403",
                "head2, 403"})
        void shouldShowDocumentsOnlyToTheUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/dossiers/{code}/documents", JsonNode.class,
                    mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            if (status == 200) {
                long id = response.getBody().get(0).get("id").asLong();
                assertThat(client(user).getForEntity("/api/dossiers/{code}/documents/{id}", byte[].class, mine, id)
                        .getStatusCode()).isEqualTo(HttpStatus.OK);
            } else {
                assertProblem(response, status);
            }
        }

        @Test
        void shouldNotHandADocumentOverUnderAnotherDossiersCode() {
            long id = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, mine).get(0)
                    .get("id").asLong();
            // The other unit's officer names their own dossier with this unit's document id.
            assertThat(as("reception2").getForEntity("/api/dossiers/{code}/documents/{id}", JsonNode.class, theirs, id)
                    .getStatusCode().value()).isEqualTo(404);
        }

        @ParameterizedTest(name = "{0} reads the apology letters of a dossier of unit 1: {1}")
        @CsvSource({"-, 401", "head, 200", "reception, 200", "supervisor, 200", "head2, 403", "reception2, 403"})
        void shouldShowApologyLettersOnlyToTheUnit(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/dossiers/{code}/apology-letters",
                    JsonNode.class, mine);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
        }

        @Test
        void shouldSearchOnlyTheDocumentsOfTheOfficersUnits() {
            // Every test dossier carries the same generated application form.
            for (String user : List.of("reception", "reception2", "supervisor")) {
                JsonNode hits = as(user).getForObject("/api/documents?q={q}&limit=200", JsonNode.class, "giay de nghi");
                List<String> codes = StreamSupport.stream(hits.spliterator(), false)
                        .map(hit -> hit.get("document").get("dossierCode").asText())
                        .toList();
                assertThat(codes).as(user).isNotEmpty();
                switch (user) {
                    case "reception" -> assertThat(codes).allMatch(code -> code.startsWith(UNIT + "-")).contains(mine);
                    case "reception2" -> assertThat(codes).allMatch(code -> code.startsWith(OTHER_UNIT + "-")).contains(theirs);
                    default -> assertThat(codes).anyMatch(code -> code.startsWith(UNIT + "-"))
                            .anyMatch(code -> code.startsWith(OTHER_UNIT + "-"));
                }
            }
            assertProblem(http.getForEntity("/api/documents?q={q}", JsonNode.class, "giay de nghi"), 401);
        }
    }

    @Nested
    class Pages {

        @Test
        void shouldSendAnonymousVisitorsOfTheDeskToTheLoginPage() {
            // The client follows the redirect, as a browser does.
            ResponseEntity<String> desk = http.getForEntity("/quay", String.class);
            assertThat(desk.getBody()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"")
                    .doesNotContain("Quầy tiếp nhận hồ sơ");
        }

        @ParameterizedTest(name = "{0} opens the reception desk: {1}")
        @CsvSource({"reception, 200", "reception2, 200", "admin, 200", "specialist, 403", "head, 403", "supervisor, 403"})
        void shouldOpenTheDeskToReceptionOfficersOnly(String user, int status) {
            assertThat(as(user).getForEntity("/quay", String.class).getStatusCode().value()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0} opens the desk's payments page: {1}")
        @CsvSource({"reception, 200", "reception2, 200", "admin, 200", "specialist, 403", "head, 403", "supervisor, 403"})
        void shouldOpenTheDeskPaymentsToReceptionOfficersOnly(String user, int status) {
            // Asking for another unit's desk shows the officer's own: only desks they staff are offered.
            ResponseEntity<String> page = as(user).getForEntity("/quay/thanh-toan?unit={unit}", String.class, OTHER_UNIT);
            assertThat(page.getStatusCode().value()).isEqualTo(status);
            if (user.equals("reception")) {
                assertThat(page.getBody()).doesNotContain(OTHER_UNIT);
            }
        }

        @ParameterizedTest(name = "{0} opens the reports dashboard: {1}")
        @CsvSource({"head, 200", "supervisor, 200", "supervisor2, 200", "admin, 200", "reception, 403", "specialist, 403"})
        void shouldOpenTheDashboardToReportReadersOnly(String user, int status) {
            assertThat(as(user).getForEntity("/bao-cao", String.class).getStatusCode().value()).isEqualTo(status);
        }

        @Test
        void shouldKeepTheCitizensPagesOpenWithSecurityHeaders() {
            for (String page : List.of("/", "/thu-tuc", "/tra-cuu", "/thu-tuc/" + PROCEDURE + "/nop-ho-so")) {
                ResponseEntity<String> response = http.getForEntity(page, String.class);
                assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
                assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(page)
                        .contains("default-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval");
                assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
                assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            }
        }

        @Test
        void shouldShowThePublicFiguresAndTheDeskDisplayToAnyoneButNothingPersonal() {
            Map<String, Object> data = householdBusiness("Đoàn Thị Riêng Tư");
            data.put("applicantIdNumber", "001199000417");
            data.put("applicantPhone", "0987000417");
            ResponseEntity<JsonNode> created = submit(UNIT, "ONLINE", "COUNTER", data);
            String code = created.getBody().get("code").asText();
            engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
            engine.workOk(code, "specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
            engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));

            for (String page : List.of("/thong-ke", "/thong-ke?ky=quy", "/thong-ke?ky=nam", "/man-hinh/" + UNIT)) {
                ResponseEntity<String> response = http.getForEntity(page, String.class);
                assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody()).as(page).doesNotContain("Đoàn Thị Riêng Tư", "001199000417", "0987000417",
                        "name=\"password\"");
            }
            assertThat(http.getForEntity("/man-hinh/" + UNIT, String.class).getBody()).contains(code);
            // Only those two pages opened: what lies next to them still needs a login.
            assertProblem(http.getForEntity("/api/reports/ii06a?unit={unit}", JsonNode.class, UNIT), 401);
            assertProblem(http.getForEntity("/api/dossiers/{code}", JsonNode.class, code), 401);
            for (String closed : List.of("/bao-cao", "/man-hinh/" + UNIT + "/ho-so", "/thong-ke/chi-tiet")) {
                assertThat(http.getForEntity(closed, String.class).getBody()).as(closed).contains("name=\"password\"")
                        .doesNotContain(code);
            }
            // A page to read, not to write to.
            assertThat(http.postForEntity("/thong-ke", Map.of(), String.class).getBody()).contains("name=\"password\"")
                    .doesNotContain("id=\"on-time\"");
        }

        @Test
        void shouldOpenADossierToACitizenOnlyWithItsOwnSecret() {
            ResponseEntity<JsonNode> own = submit(UNIT, "ONLINE", "ONLINE", householdBusiness("Văn Thị Yến"));
            String code = own.getBody().get("code").asText();
            String secret = own.getBody().get("lookupSecret").asText();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("X-Forwarded-For", "203.0.113." + (code.hashCode() & 0x7f));
            assertThat(http.postForEntity("/api/tracking", new HttpEntity<>(Map.of("code", code, "secret", secret), headers),
                    JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            ResponseEntity<JsonNode> other = http.postForEntity("/api/tracking",
                    new HttpEntity<>(Map.of("code", theirs, "secret", secret), headers), JsonNode.class);
            assertProblem(other, 404);
            assertThat(other.getBody().toString()).doesNotContain("Lý Thị Quỳnh");
        }

        @Test
        void shouldHaveNoOidcLoginUnlessConfigured() {
            // No provider to go to: the login start is an ordinary page behind the password login.
            ResponseEntity<String> start = http.getForEntity("/oauth2/authorization/officers", String.class);
            assertThat(start.getBody()).contains("name=\"password\"").doesNotContain("oauth2");
            // No one can be a citizen, and no officer is one.
            assertProblem(http.getForEntity("/api/citizen/dossiers", JsonNode.class), 401);
            assertProblem(as("admin").getForEntity("/api/citizen/dossiers/{code}", JsonNode.class, theirs), 403);
        }
    }

    @Nested
    class EngineRestApi {

        @ParameterizedTest(name = "{0} sees {1} task(s) of a dossier of unit 1")
        @CsvSource({"reception, 1", "head, 1", "supervisor, 1", "admin, 1", "specialist, 0", "reception2, 0",
                "specialist2, 0", "head2, 0"})
        void shouldShowTasksOnlyToTheirUnit(String user, int count) {
            JsonNode tasks = as(user).getForObject("/engine-rest/task?processInstanceBusinessKey={code}&maxResults=50",
                    JsonNode.class, mine);
            assertThat(tasks).as("tasks %s sees", user).hasSize(count);
        }

        @ParameterizedTest(name = "{0} sees {1} process instance(s) of a dossier of unit 1")
        @CsvSource({"reception, 1", "specialist, 1", "head, 1", "supervisor, 1", "admin, 1", "reception2, 0",
                "specialist2, 0", "head2, 0"})
        void shouldShowProcessInstancesOnlyToTheirUnit(String user, int count) {
            JsonNode instances = as(user).getForObject("/engine-rest/process-instance?businessKey={code}&maxResults=50",
                    JsonNode.class, mine);
            assertThat(instances).as("instances %s sees", user).hasSize(count);
            JsonNode variables = as(user).getForEntity("/engine-rest/variable-instance?processInstanceIdIn={id}&maxResults=50",
                    JsonNode.class, instanceId(mine)).getBody();
            if (count == 0) {
                assertThat(variables).as("variables %s sees", user).isEmpty();
            } else {
                assertThat(variables.toString()).as("variables %s sees", user).contains("Ngô Văn Phúc");
            }
        }

        @Test
        void shouldRefuseAnonymousCallers() {
            for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/engine")) {
                assertProblem(http.getForEntity(path, JsonNode.class), 401);
            }
        }

        @Test
        void shouldNotLetAnotherUnitClaimOrCompleteATask() {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");
            ResponseEntity<JsonNode> claim = as("reception2").postForEntity("/engine-rest/task/{id}/claim",
                    Map.of("userId", "reception2"), JsonNode.class, taskId);
            assertThat(claim.getStatusCode().is4xxClientError()).as(String.valueOf(claim.getBody())).isTrue();
            ResponseEntity<JsonNode> complete = engine.complete("head2", taskId, Map.of("receptionOutcome", "ACCEPT"));
            assertThat(complete.getStatusCode().is4xxClientError()).as(String.valueOf(complete.getBody())).isTrue();
            assertThat(engine.openTasks(mine)).singleElement().satisfies(task -> {
                assertThat(task.get("id").asText()).isEqualTo(taskId);
                assertThat(task.get("assignee").isNull()).isTrue();
            });
        }

        @ParameterizedTest(name = "{0} deploys a model: {1}")
        @CsvSource({"reception, 403", "head, 403", "supervisor, 403", "admin, 400"})
        void shouldLetOnlyAdministratorsDeploy(String user, int status) {
            // The administrator's deployment is refused as a model (400): authorized, and nothing is deployed.
            LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("deployment-name", "access-matrix");
            parts.add("model.bpmn", new ByteArrayResource("<not-a-model/>".getBytes()) {
                @Override
                public String getFilename() {
                    return "model.bpmn";
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<JsonNode> response = as(user).postForEntity("/engine-rest/deployment/create",
                    new HttpEntity<>(parts, headers), JsonNode.class);
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        }
    }

    /**
     * A dossier received at the ward Phúc Xá and decided by its district Ba Đình (liên thông), at the district's
     * appraisal: each unit sees its part plus what it needs (docs/security.md, "Dossiers that travel").
     */
    @Nested
    class DossiersThatTravel {

        private String travelling;

        @BeforeEach
        void atTheDistrictsAppraisal() {
            ResponseEntity<JsonNode> submitted = http.postForEntity("/api/dossiers", submission(TravellingDossiers.PROCEDURE,
                    TravellingDossiers.COMMUNE, "ONLINE", "COUNTER", TravellingDossiers.change("Hồ Thị Liên"),
                    TravellingDossiers.documents()), JsonNode.class);
            assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
            travelling = submitted.getBody().get("code").asText();
            engine.workOk(travelling, "reception.phucxa", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        }

        @ParameterizedTest(name = "{0} reads a dossier received at the commune and decided by the district: {1}")
        @CsvSource({"-, 401", "reception.phucxa, 200", "head.phucxa, 200", "specialist, 200", "head, 200",
                "supervisor, 200", "reception2, 403", "head2, 403"})
        void shouldShowATravellingDossierToBothUnitsOnly(String user, int status) {
            ResponseEntity<JsonNode> response = client(user).getForEntity("/api/dossiers/{code}", JsonNode.class, travelling);
            assertThat(response.getStatusCode().value()).isEqualTo(status);
            ResponseEntity<JsonNode> documents = client(user).getForEntity("/api/dossiers/{code}/documents",
                    JsonNode.class, travelling);
            assertThat(documents.getStatusCode().value()).as("the district appraises the documents").isEqualTo(status);
            if (status != 200) {
                assertProblem(response, status);
                assertThat(response.getBody().toString()).doesNotContain("Hồ Thị Liên");
            }
        }

        @ParameterizedTest(name = "{0} answers a supplement of a travelling dossier: {1}")
        @CsvSource({"specialist, 403", "head, 403", "head2, 403"})
        void shouldLeaveTheDeskItsWrites(String user, int status) {
            assertProblem(client(user).postForEntity("/api/dossiers/{code}/supplement", Map.of("note", "Không phải việc của huyện"),
                    JsonNode.class, travelling), status);
        }

        @ParameterizedTest(name = "{0} sees {1} task(s) and {2} process instance(s) of the travelling dossier")
        @CsvSource({"specialist, 1, 2", "head, 1, 2", "reception.phucxa, 0, 1", "specialist.phucxa, 0, 1",
                "head.phucxa, 0, 1", "specialist2, 0, 0", "admin, 1, 2"})
        void shouldShowTheProceduresStepsOnlyToTheDecidingUnit(String user, int tasks, int instances) {
            JsonNode open = as(user).getForObject("/engine-rest/task?processInstanceBusinessKey={code}&maxResults=50",
                    JsonNode.class, travelling);
            assertThat(open).as("tasks %s sees", user).hasSize(tasks);
            JsonNode seen = as(user).getForObject("/engine-rest/process-instance?businessKey={code}&maxResults=50",
                    JsonNode.class, travelling);
            assertThat(seen).as("instances %s sees", user).hasSize(instances);
        }

        @Test
        void shouldKeepEachUnitsStepDetailsFromTheOther() {
            engine.workOk(travelling, "specialist", "appraise_change", Map.of("proposedDecision", "REJECT",
                    "appraisalNote", "Ghi chú nội bộ của huyện"));
            String asCommune = as("reception.phucxa").getForObject("/api/dossiers/{code}", JsonNode.class, travelling)
                    .path("controlSheet").toString();
            assertThat(asCommune).contains("appraise_change").doesNotContain("Ghi chú nội bộ của huyện");
            String asDistrict = as("specialist").getForObject("/api/dossiers/{code}", JsonNode.class, travelling)
                    .path("controlSheet").toString();
            assertThat(asDistrict).contains("Ghi chú nội bộ của huyện").doesNotContain("\"actor\":\"reception.phucxa\"");
            assertThat(dossier(travelling).path("controlSheet").toString()).as("a reader of both units sees all")
                    .contains("Ghi chú nội bộ của huyện").contains("\"actor\":\"reception.phucxa\"");
        }

        @Test
        void shouldNotLetTheDistrictMoveTheDossierWithARoutingVariable() {
            String taskId = engine.taskFor(travelling, "specialist", "appraise_change");
            as("specialist").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "specialist"), Void.class, taskId);
            for (String variable : List.of("decidingUnit", "receivingUnit", "unit")) {
                assertProblem(engine.complete("specialist", taskId, Map.of("proposedDecision", "APPROVE",
                        "appraisalNote", "Đủ", variable, OTHER_UNIT)), 403);
            }
            assertThat(dossier(travelling).path("decidingUnitCode").asText()).isEqualTo(UNIT);
        }
    }

    /**
     * Issue 15 item 3: an insider moved a dossier to another unit by writing its {@code unit} variable,
     * and a head gave tasks to anyone. Routing variables are the system's; tasks go to their groups.
     */
    @Nested
    class InsidersCrossingUnits {

        private String unitOf(String code) {
            return as("admin").getForObject("/engine-rest/process-instance/{id}/variables/unit", JsonNode.class,
                    instanceId(code)).path("value").asText();
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"PUT, /engine-rest/task/{id}/variables/unit", "PUT, /engine-rest/task/{id}/localVariables/unit",
                "DELETE, /engine-rest/task/{id}/variables/unit",
                "PUT, /camunda/api/engine/engine/default/task/{id}/variables/unit",
                "PUT, /engine-rest/engine/default/task/{id}/variables/unit/"})
        void shouldRefuseAReceptionOfficerWritingTheUnit(String method, String path) {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<JsonNode> write = as("reception").exchange(path, HttpMethod.valueOf(method),
                    new HttpEntity<>(Map.of("value", OTHER_UNIT, "type", "String"), headers), JsonNode.class, taskId);

            assertProblem(write, 403);
            assertThat(unitOf(mine)).isEqualTo(UNIT);
        }

        @Test
        void shouldRefuseAnyDirectVariableWriteByAnOfficer() {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");
            assertProblem(as("reception").exchange("/engine-rest/task/{id}/variables/receptionOutcome", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("value", "ACCEPT", "type", "String")), JsonNode.class, taskId), 403);
            assertProblem(as("reception").postForEntity("/engine-rest/task/{id}/variables",
                    Map.of("modifications", Map.of("applicantName", Map.of("value", "Kẻ Mạo Danh"))), JsonNode.class,
                    taskId), 403);
            assertThat(dossier(mine).path("applicant").toString()).contains("Ngô Văn Phúc");
        }

        @Test
        void shouldMoveNoDossierWhenACompletionCarriesTheUnitOrAnotherStepsDecision() {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");
            as("reception").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "reception"), Void.class, taskId);

            assertProblem(engine.complete("reception", taskId, Map.of("receptionOutcome", "ACCEPT", "unit", OTHER_UNIT)), 403);
            assertProblem(engine.complete("reception", taskId, Map.of("receptionOutcome", "ACCEPT",
                    "approvalDecision", "APPROVE")), 403);
            assertThat(engine.openTasks(mine)).singleElement().satisfies(task ->
                    assertThat(task.get("id").asText()).isEqualTo(taskId));

            // With its own form's fields it completes, and the next step is the dossier's unit's.
            assertThat(engine.complete("reception", taskId, Map.of("receptionOutcome", "ACCEPT")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(unitOf(mine)).isEqualTo(UNIT);
            assertThat(engine.tasksFor(mine, "specialist2")).isEmpty();
            assertThat(engine.tasksFor(mine, "specialist")).hasSize(1);
        }

        @ParameterizedTest(name = "head assigns to {0}: {1}")
        @CsvSource({"specialist2, 400", "nobody-such-user, 400", "head2, 400", "specialist, 400", "reception, 204"})
        void shouldGiveATaskOnlyToAnOfficerOfItsUnitAndRole(String assignee, int status) {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");

            ResponseEntity<JsonNode> assign = as("head").postForEntity("/engine-rest/task/{id}/assignee",
                    Map.of("userId", assignee), JsonNode.class, taskId);

            assertThat(assign.getStatusCode().value()).as(String.valueOf(assign.getBody())).isEqualTo(status);
            JsonNode task = as("admin").getForObject("/engine-rest/task/{id}", JsonNode.class, taskId);
            assertThat(task.path("assignee").isNull() ? null : task.path("assignee").asText())
                    .isEqualTo(status == 204 ? assignee : null);
        }

        @Test
        void shouldRefuseDelegationAndOwnershipOutsideTheTasksGroups() {
            String taskId = engine.taskFor(mine, "reception", "check_completeness");
            as("reception").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "reception"), Void.class, taskId);

            assertThat(as("reception").postForEntity("/engine-rest/task/{id}/delegate", Map.of("userId", "reception2"),
                    JsonNode.class, taskId).getStatusCode().value()).isEqualTo(400);
            JsonNode task = as("admin").getForObject("/engine-rest/task/{id}", JsonNode.class, taskId);
            assertThat(task.path("assignee").asText()).isEqualTo("reception");
            assertThat(task.path("owner").isNull()).isTrue();
        }
    }

    @Nested
    class Webapps {

        @Test
        void shouldServeTheLoginPagesButNoDataWithoutLogin() {
            CamundaWebapps browser = new CamundaWebapps(http.getRootUri());
            for (String app : List.of("tasklist", "cockpit", "admin")) {
                assertThat(browser.get("/camunda/app/" + app + "/default/").statusCode()).as(app).isEqualTo(200);
            }
            assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
        }

        @ParameterizedTest(name = "{0} sees {1} task(s) of a dossier of unit 1 in Tasklist")
        @CsvSource({"reception, 1", "head, 1", "reception2, 0", "head2, 0", "specialist2, 0"})
        void shouldShowTasklistUsersOnlyTheirUnitsTasks(String user, int count) throws Exception {
            CamundaWebapps browser = new CamundaWebapps(http.getRootUri());
            assertStatus(browser.logIn("tasklist", user, PASSWORD), 200);
            var response = browser.get("/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + mine
                    + "&maxResults=50");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(response.body())).hasSize(count);
        }

        @Test
        void shouldShowTheSharedFiltersWithTheirCounts() throws Exception {
            CamundaWebapps browser = new CamundaWebapps(http.getRootUri());
            assertStatus(browser.logIn("tasklist", "reception", PASSWORD), 200);
            // As Tasklist 7.24 asks under the query limit: the number of filters, pages of 2000, each filter's count.
            String api = "/camunda/api/engine/engine/default/filter";
            assertThat(browser.get(api + "/count?resourceType=Task&itemCount=false").statusCode()).isEqualTo(200);
            var filters = browser.get(api + "?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
            assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
            JsonNode list = new ObjectMapper().readTree(filters.body());
            assertThat(list).hasSizeGreaterThanOrEqualTo(2);
            for (JsonNode filter : list) {
                var count = browser.get(api + "/" + filter.get("id").asText() + "/count");
                assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
            }
            // An unpaged list is refused there too: the limit holds for the webapps' own API.
            assertThat(browser.get(api + "?resourceType=Task&itemCount=true").statusCode()).isEqualTo(400);
        }

        @Test
        void shouldShowCockpitsDashboardUnderTheQueryLimit() throws Exception {
            CamundaWebapps browser = new CamundaWebapps(http.getRootUri());
            assertStatus(browser.logIn("cockpit", "head", PASSWORD), 200);
            // The dashboard's and the processes page's queries, as Cockpit sends them (unpaged statistics).
            for (String query : List.of("/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true",
                    "/camunda/api/cockpit/plugin/base/default/process-definition/statistics?firstResult=0&maxResults=50",
                    "/camunda/api/engine/engine/default/deployment?sortBy=deploymentTime&sortOrder=desc&firstResult=0&maxResults=50")) {
                var response = browser.get(query);
                assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
            }
        }

        @ParameterizedTest(name = "{0} opens {1}: {2}")
        @CsvSource({"reception, admin, 403", "head, admin, 403", "reception, cockpit, 403", "head, cockpit, 200",
                "supervisor, cockpit, 200", "admin, admin, 200"})
        void shouldOpenEachWebappOnlyToItsUsers(String user, String app, int status) {
            assertStatus(new CamundaWebapps(http.getRootUri()).logIn(app, user, PASSWORD), status);
        }

        @Test
        void shouldRefuseABadPassword() {
            assertStatus(new CamundaWebapps(http.getRootUri()).logIn("tasklist", "nobody-" + mine, "guess"), 401);
        }
    }

    private static void assertStatus(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.headers().map() + " " + response.body()).isEqualTo(status);
    }

    private String instanceId(String code) {
        JsonNode instances = as("admin").getForObject("/engine-rest/process-instance?businessKey={code}&maxResults=5",
                JsonNode.class, code);
        return instances.get(0).get("id").asText();
    }

    static void assertProblem(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem body: %s", response.getHeaders().getContentType()).isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    }
}
