package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/** The server side of the pages: what a browser without JavaScript gets. */
class PortalPagesIT extends IntegrationTest {

    @Test
    void shouldAnswerAWrongSecretOnTheTrackingPageWithoutSayingWhich() {
        ResponseEntity<String> page = post("/tra-cuu", TrackingIT.client(), Map.of("code", UNIT + "-991231-0001",
                "secret", "AAAAA-BBBBB-CCCCC-DDDDD"));

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("Mã hồ sơ hoặc mã tra cứu không đúng.", "id=\"tracking-lookup\"");
    }

    @Test
    void shouldShowTheRateLimitOnThePage() {
        String client = TrackingIT.client();
        ResponseEntity<String> page;
        // Held still, the engine's clock refills no token however slowly the requests go.
        ClockUtil.reset();
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        try {
            for (int attempt = 0; attempt < 30; attempt++) {
                post("/tra-cuu", client, Map.of("code", UNIT + "-991231-2" + attempt, "secret", "X"));
            }
            page = post("/tra-cuu", client, Map.of("code", UNIT + "-991231-0002", "secret", "X"));
        } finally {
            ClockUtil.reset();
        }

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(page.getBody()).contains("Quá nhiều lần tra cứu.");
    }

    @Test
    void shouldAnswerTheSupplementRequestOnTheTrackingPage() {
        ResponseEntity<JsonNode> submitted = submit(UNIT, "ONLINE", "COUNTER", householdBusiness("Lê Thị Thu"));
        String code = submitted.getBody().get("code").asText();
        String secret = submitted.getBody().get("lookupSecret").asText();
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Giấy tờ pháp lý của chủ hộ"));

        ResponseEntity<String> tracking = post("/tra-cuu", TrackingIT.client(), Map.of("code", code, "secret", secret));
        assertThat(tracking.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tracking.getBody()).contains("Chờ bổ sung hồ sơ", "Giấy tờ pháp lý của chủ hộ", "supplement-answer");

        assertThat(tracking.getBody()).contains("name=\"identityPapers\"", "accept=\".pdf,.jpg,.jpeg,.png\"");

        ResponseEntity<String> empty = supplement(code, secret, " ", "identityPapers", "cccd.png", TestFiles.png());
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> disguised = supplement(code, secret, "Bổ sung", "identityPapers", "cccd.pdf",
                TestFiles.windowsExecutable());
        assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(disguised.getBody()).contains("cccd.pdf");
        assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(documents(code)).hasSize(2);

        ResponseEntity<String> answered = supplement(code, secret, "Đã bổ sung bản sao căn cước", "identityPapers",
                "cccd-mat-sau.png", TestFiles.png());
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answered.getBody()).contains("Đã nhận hồ sơ bổ sung.", "Đã nộp, chờ tiếp nhận");
        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(column(dossier.get("controlSheet"), "note")).contains("Đã bổ sung bản sao căn cước");
        JsonNode documents = documents(code);
        assertThat(column(documents, "name")).contains("cccd-mat-sau.png");
        assertThat(column(documents, "purpose")).contains("SUPPLEMENT");
    }

    @Test
    void shouldSpeakEnglishWhenAskedAndRememberIt() {
        ResponseEntity<String> english = http.getForEntity("/thu-tuc?lang=en", String.class);
        assertThat(english.getBody()).contains("<html lang=\"en\"", "Household business registration");
        String cookie = english.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("motcua-lang=en");

        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';')));
        ResponseEntity<String> next = http.exchange("/tra-cuu", org.springframework.http.HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(next.getBody()).contains("Track a dossier");
        assertThat(http.getForEntity("/tra-cuu", String.class).getBody()).contains("Tra cứu hồ sơ");
    }

    private ResponseEntity<String> supplement(String code, String secret, String note, String slot, String fileName,
            byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("code", code);
        form.add("secret", secret);
        form.add("note", note);
        form.add(slot, file(fileName, content));
        // An upload control left empty sends a part without a file name: it is no document.
        form.add("premisesPapers", file("", new byte[0]));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set("X-Forwarded-For", TrackingIT.client());
        return http.postForEntity("/tra-cuu/bo-sung", new HttpEntity<>(form, headers), String.class);
    }

    private JsonNode documents(String code) {
        return as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
    }

    private ResponseEntity<String> post(String path, String client, Map<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Forwarded-For", client);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }
}
