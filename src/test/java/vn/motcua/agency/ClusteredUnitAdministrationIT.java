package vn.motcua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.ClusterNodes;
import vn.motcua.support.IntegrationTest;

/**
 * Two nodes on one database: a unit and its desk officer created through one node serve dossiers
 * through the other at once, with no restart of either (units are read from the table, groups and
 * grants are the engine's rows).
 */
class ClusteredUnitAdministrationIT {

    private static final String UNIT = "000.00.50.H35";
    private static final String PASSWORD = "Cum-may-2026";

    private final ClusterNodes cluster = new ClusterNodes();
    private final TestRestTemplate http = new TestRestTemplate();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void shouldServeAUnitCreatedOnOneNodeOnTheOtherAtOnce() {
        ConfigurableApplicationContext a = cluster.start("units-a");
        ConfigurableApplicationContext b = cluster.start("units-b");
        TestRestTemplate admin = http.withBasicAuth("admin", "demo");
        // Both nodes are running before the unit exists.
        assertThat(http.getForObject(ClusterNodes.url(b, "/api/units"), JsonNode.class).findValuesAsText("code"))
                .doesNotContain(UNIT);

        ResponseEntity<JsonNode> created = admin.postForEntity(ClusterNodes.url(a, "/api/admin/units"),
                Map.of("code", UNIT, "name", "Ủy ban nhân dân huyện Duy Tiên", "level", "DISTRICT"), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(admin.postForEntity(ClusterNodes.url(a, "/api/admin/officers"), Map.of("id", "duytien.motcua",
                "lastName", "Đinh Thị Hà", "password", PASSWORD), Void.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        admin.exchange(ClusterNodes.url(a, "/api/admin/units/" + UNIT + "/officers/reception/duytien.motcua"), HttpMethod.PUT,
                null, JsonNode.class);

        // Node b knows the unit, takes its dossiers and shows its desk officer the first step.
        assertThat(http.getForObject(ClusterNodes.url(b, "/api/units"), JsonNode.class).findValuesAsText("code")).contains(UNIT);
        ResponseEntity<JsonNode> submitted = http.postForEntity(ClusterNodes.url(b, "/api/dossiers"),
                IntegrationTest.submission("household_business_registration", UNIT, "ONLINE", "ONLINE",
                        Map.of("applicantName", "Đinh Văn Nam", "applicantIdNumber", "001085012345",
                                "applicantPhone", "0912 345 678", "applicantEmail", "nam@example.vn",
                                "applicantAddress", "Duy Tiên, Hà Nam", "businessName", "Hộ kinh doanh Nam Hà",
                                "businessAddress", "Duy Tiên, Hà Nam", "businessLine", "Bán lẻ", "capital", 50000000,
                                "ownershipType", "INDIVIDUAL"),
                        IntegrationTest.requiredDocuments()), JsonNode.class);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().path("code").asText();
        assertThat(code).startsWith(UNIT + "-");
        JsonNode tasks = http.withBasicAuth("duytien.motcua", PASSWORD).getForObject(ClusterNodes.url(b,
                "/engine-rest/task?processInstanceBusinessKey=" + code + "&candidateUser=duytien.motcua&maxResults=100"), JsonNode.class);
        assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly("check_completeness");
    }
}
