package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

class DossierSubmissionIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldIssueGapFreeCodesWhenManyDossiersArriveAtOnce() throws Exception {
        int count = 12;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Callable<String> submission = () -> submitted("ONLINE", "ONLINE", "Công dân đồng thời");
            codes.add(pool.submit(submission));
        }
        List<Integer> sequence = new ArrayList<>();
        for (Future<String> code : codes) {
            String value = code.get();
            sequence.add(Integer.parseInt(value.substring(value.lastIndexOf('-') + 1)));
        }
        pool.shutdown();

        // Other tests of this run may have taken numbers before: these must follow one another.
        int first = sequence.stream().min(Integer::compare).orElseThrow();
        assertThat(sequence).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(first, first + count).boxed().toList());
    }

    @Test
    void shouldListProcedureFromItsModel() {
        // Every word, wherever it stands: the change of a registration (whose sector is "Thành lập và hoạt động
        // của hộ kinh doanh") is found too.
        JsonNode procedures = http.getForObject("/api/procedures?q=thành lập hộ kinh doanh", JsonNode.class);
        assertThat(procedures.findValuesAsText("key")).contains(PROCEDURE, "household_business_change")
                .doesNotContain("birth_registration", "certified_copy");
        JsonNode procedure = java.util.stream.StreamSupport.stream(procedures.spliterator(), false)
                .filter(entry -> entry.get("key").asText().equals(PROCEDURE)).findFirst().orElseThrow();
        assertThat(procedure.get("key").asText()).isEqualTo(PROCEDURE);
        assertThat(procedure.get("code").asText()).isEqualTo("2.000720");
        assertThat(procedure.get("deadlineWorkingDays").asInt()).isEqualTo(3);
        assertThat(procedure.get("fee").asLong()).isEqualTo(100000);
        assertThat(procedure.get("unitLevel").asText()).isEqualTo("DISTRICT");
        assertThat(procedure.get("submissionForm").asText()).isEqualTo("household-business-registration-submission");
        JsonNode form = http.getForObject("/api/procedures/{key}/submission-form", JsonNode.class, PROCEDURE);
        assertThat(form.get("id").asText()).isEqualTo("household-business-registration-submission");
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseMissingRequiredField() {
            Map<String, Object> data = householdBusiness("Nguyễn Văn An");
            data.remove("businessName");
            assertRefused(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST, "businessName");
        }

        @Test
        void shouldRefuseValueOutsideOptions() {
            Map<String, Object> data = householdBusiness("Nguyễn Văn An");
            data.put("ownershipType", "CORPORATION");
            assertRefused(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST, "ownershipType");
        }

        @Test
        void shouldRefuseFieldTheFormDoesNotHave() {
            Map<String, Object> data = householdBusiness("Nguyễn Văn An");
            data.put("procedureKey", "injected");
            assertRefused(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST, "procedureKey");
        }

        @Test
        void shouldRefuseMalformedIdNumberAndNegativeCapital() {
            Map<String, Object> data = householdBusiness("Nguyễn Văn An");
            data.put("applicantIdNumber", "12AB");
            data.put("capital", -5);
            assertThat(assertRefused(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST,
                    "applicantIdNumber").toString()).contains("capital");
        }

        @Test
        void shouldRefuseUnknownUnit() {
            assertRefused(() -> submit("999.99.99.X99", "ONLINE", "COUNTER", householdBusiness("An")),
                    HttpStatus.BAD_REQUEST, "unitCode");
        }

        @Test
        void shouldRefuseUnitOfAnotherLevel() {
            assertRefused(() -> submit("000.01.01.H01", "ONLINE", "COUNTER", householdBusiness("An")),
                    HttpStatus.BAD_REQUEST, "unitCode");
        }

        @Test
        void shouldRefuseUnknownProcedure() {
            assertRefused(() -> http.postForEntity("/api/dossiers", Map.of("procedureKey", "no_such",
                    "unitCode", UNIT, "channel", "ONLINE", "resultChannel", "COUNTER", "data", Map.of()), JsonNode.class),
                    HttpStatus.NOT_FOUND, "no_such");
        }

        @Test
        void shouldRefuseMalformedJson() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertRefused(() -> http.postForEntity("/api/dossiers",
                    new HttpEntity<>("{\"procedureKey\": ", headers), JsonNode.class), HttpStatus.BAD_REQUEST, "");
        }

        @Test
        void shouldRefuseMissingChannel() {
            assertRefused(() -> http.postForEntity("/api/dossiers", Map.of("procedureKey", PROCEDURE,
                    "unitCode", UNIT, "resultChannel", "COUNTER", "data", householdBusiness("An")), JsonNode.class),
                    HttpStatus.BAD_REQUEST, "channel");
        }

        @Test
        void shouldAnswerNotFoundForUnknownOrForgedCode() {
            assertThat(as("reception").getForEntity("/api/dossiers/000.00.01.H01-240101-9999", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(as("reception").getForEntity("/api/dossiers/'; drop table dossier;--", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.BAD_REQUEST);
        }

        private JsonNode assertRefused(Supplier<ResponseEntity<JsonNode>> request, HttpStatus status, String mentioned) {
            long before = dossiers();
            ResponseEntity<JsonNode> response = request.get();
            assertThat(response.getStatusCode()).isEqualTo(status);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("title").asText()).isNotBlank();
            assertThat(response.getBody().toString()).contains(mentioned);
            assertThat(dossiers()).isEqualTo(before);
            return response.getBody();
        }

        private long dossiers() {
            return jdbc.sql("select count(*) from dossier").query(Long.class).single();
        }
    }
}
