package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.reports.Figures;
import vn.motcua.reports.PeriodKind;
import vn.motcua.reports.ReportPeriod;
import vn.motcua.reports.SupervisionReports;
import vn.motcua.support.IntegrationTest;

/**
 * A citizen's online submission made at the desk with an officer's help: ONLINE in every report, the officer named
 * on the dossier and on the control sheet (the seeds ask desks to help citizens submit online themselves).
 */
class AssistedSubmissionIT extends IntegrationTest {

    @Autowired
    SupervisionReports reports;

    @Test
    void shouldCountAnAssistedSubmissionOnlineAndNameTheOfficer() {
        ReportPeriod today = ReportPeriod.containing(PeriodKind.DAY,
                LocalDate.ofInstant(DossierManagement.now(), ZoneId.of("Asia/Ho_Chi_Minh")));
        Figures.Received before = reports.ii06a(today, UNIT, PROCEDURE).total().received();

        ResponseEntity<JsonNode> assisted = submitAt(as("reception"), "ONLINE", true, "Lò Văn Páo");

        assertThat(assisted.getStatusCode()).as(String.valueOf(assisted.getBody())).isEqualTo(HttpStatus.CREATED);
        JsonNode dossier = dossier(assisted.getBody().get("code").asText());
        assertThat(dossier.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("assistedBy").asText()).isEqualTo("reception");
        JsonNode submitted = dossier.get("controlSheet").get(0);
        assertThat(submitted.get("type").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("actor").asText()).isEqualTo("reception");
        assertThat(submitted.get("outcome").asText()).isEqualTo("ONLINE");
        assertThat(submitted.get("note").asText()).isEqualTo("Nộp trực tuyến với sự hỗ trợ của cán bộ một cửa reception");
        Figures.Received after = reports.ii06a(today, UNIT, PROCEDURE).total().received();
        assertThat(after.online() - before.online()).as("counted online").isEqualTo(1);
        assertThat(after.counterOrPost() - before.counterOrPost()).as("not at the counter").isZero();
    }

    @Test
    void shouldRefuseAnAssistedSubmissionFromNoOfficerOfTheUnitOrAtTheCounter() {
        assertThat(submitAt(http, "ONLINE", true, "Giàng Thị Mỷ").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(submitAt(as("reception2"), "ONLINE", true, "Giàng Thị Mỷ").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> counter = submitAt(as("reception"), "COUNTER", true, "Giàng Thị Mỷ");
        assertThat(counter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(counter.getBody().toString()).contains("assistedOnlineOnly");
    }

    private ResponseEntity<JsonNode> submitAt(TestRestTemplate client, String channel, boolean assisted, String applicant) {
        Map<String, Object> body = Map.of("procedureKey", PROCEDURE, "unitCode", UNIT, "channel", channel,
                "resultChannel", "COUNTER", "data", householdBusiness(applicant), "assistedAtDesk", assisted);
        return postMultipart(client, "/api/dossiers", "submission", body, requiredDocuments());
    }
}
