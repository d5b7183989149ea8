package vn.motcua.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ModelerDeployments;

/**
 * An agency sets itself up through {@code /api/admin} alone: a provincial department, its officers and
 * their roles, a procedure it settles deployed from Modeler, and a dossier worked to its result, with
 * no SQL, no Camunda Admin and no restart.
 */
class UnitAdministrationIT extends IntegrationTest {

    private static final String PROVINCE = "000.00.00.H35";
    private static final String DEPARTMENT = "000.00.12.H35";
    /** Officers created here log in with this; the demo officers keep theirs. */
    private static final String OFFICER_PASSWORD = "Tu-phap-2026";

    @Override
    protected TestRestTemplate as(String user) {
        return user.startsWith("stp.") ? http.withBasicAuth(user, OFFICER_PASSWORD) : super.as(user);
    }

    @Test
    void shouldSettleADossierOfANewProvincialDepartmentWithoutRestart() {
        unitOk(PROVINCE, "Ủy ban nhân dân tỉnh Hà Nam", "PROVINCE", null);
        Map<String, Object> department = unitForm(DEPARTMENT, "Sở Tư pháp tỉnh Hà Nam", "PROVINCE", PROVINCE);
        department.put("letterheadSuperior", "Ủy ban nhân dân tỉnh Hà Nam");
        department.put("letterheadPlace", "Hà Nam");
        department.put("officeHours", "07:00-11:00,13:00-16:30");
        assertThat(as("admin").postForEntity("/api/admin/units", department, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (String role : List.of("reception", "specialist", "head")) {
            officerOk("stp." + role, "Cán bộ " + role);
            assertThat(assign(DEPARTMENT, role, "stp." + role).path("changed").asBoolean()).isTrue();
        }
        assertThat(assign(DEPARTMENT, "head", "stp.head").path("changed").asBoolean()).as("held already").isFalse();
        JsonNode holders = as("admin").getForObject("/api/admin/units/{code}/officers", JsonNode.class, DEPARTMENT);
        assertThat(holders.findValuesAsText("userId")).containsExactly("stp.reception", "stp.specialist", "stp.head");
        assertThat(holders.findValuesAsText("role")).containsExactly("RECEPTION", "SPECIALIST", "HEAD");

        // Camunda Modeler deploys a procedure the department settles.
        Map<String, String> files = ModelerDeployments.householdBusinessCopy("criminal_record_certificate",
                "criminal-record-certificate", "9.200001", Map.of(
                        "name=\"procedure.unitLevel\" value=\"DISTRICT\"", "name=\"procedure.unitLevel\" value=\"PROVINCE\""));
        ResponseEntity<JsonNode> deployed = ModelerDeployments.deploy(as("admin"), "criminal-record-certificate", files);
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);

        ResponseEntity<JsonNode> submitted = http.postForEntity("/api/dossiers", submission("criminal_record_certificate",
                DEPARTMENT, "ONLINE", "COUNTER", householdBusiness("Trần Thị Bình"), requiredDocuments()), JsonNode.class);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = submitted.getBody().path("code").asText();
        assertThat(code).startsWith(DEPARTMENT + "-");

        assertThat(engine.tasksFor(code, "reception")).as("another unit's desk").isEmpty();
        engine.workOk(code, "stp.reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "stp.specialist", "appraise_dossier", Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ"));
        engine.workOk(code, "stp.head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "stp.reception", "hand_over_at_counter",
                Map.of("receiverName", "Trần Thị Bình", "receiverIdNumber", "001085012345"));
        JsonNode dossier = dossier(code);
        assertThat(dossier.path("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(column(dossier.path("controlSheet"), "actor")).contains("stp.reception", "stp.specialist", "stp.head");
        // The department's own officers read it; the demo district's do not.
        assertThat(as("stp.head").getForEntity("/api/dossiers/{code}", JsonNode.class, code).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("head").getForEntity("/api/dossiers/{code}", JsonNode.class, code).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Removing the role takes the work away at the next request.
        assertThat(remove(DEPARTMENT, "head", "stp.head").path("changed").asBoolean()).isTrue();
        assertThat(as("stp.head").getForEntity("/api/dossiers/{code}", JsonNode.class, code).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        JsonNode openApi = http.getForObject("/api-docs", JsonNode.class).path("paths");
        assertThat(openApi.has("/api/admin/units/import") && openApi.has("/api/admin/units/{code}/officers/{role}/{userId}"))
                .as("the administration API is described").isTrue();

        List<String> audited = auditActions(DEPARTMENT);
        assertThat(audited).contains("UNIT_CREATED", "ROLE_ASSIGNED", "ROLE_REMOVED");
    }

    @Nested
    class Import {

        @Test
        void shouldImportAProvincesUnitsInOneGoWithParentsAnywhereInTheFile() {
            List<String> lines = new ArrayList<>();
            lines.add("code,name,level,parentCode,address,officeHours");
            // Communes first, their districts after them, the province last: the order of the file does not matter.
            for (int district = 1; district <= 10; district++) {
                for (int commune = 1; commune <= 29; commune++) {
                    lines.add(String.format("%03d.%02d.%02d.H36,Ủy ban nhân dân xã số %d huyện %d,COMMUNE,000.%02d.00.H36,,",
                            commune, district, 1, commune, district, district));
                }
            }
            for (int district = 1; district <= 10; district++) {
                lines.add(String.format("000.%02d.00.H36,\"Ủy ban nhân dân huyện %d, tỉnh Nam Định\",DISTRICT,000.00.00.H36,"
                        + "\"Số %d, đường Trần Hưng Đạo\",\"07:30-11:30,13:30-17:00\"", district, district, district));
            }
            lines.add("000.00.00.H36,Ủy ban nhân dân tỉnh Nam Định,PROVINCE,,,");

            ResponseEntity<JsonNode> report = importCsv(String.join("\n", lines));

            assertThat(report.getStatusCode()).as(String.valueOf(report.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(report.getBody().path("created").asInt()).isEqualTo(301);
            assertThat(report.getBody().path("updated").asInt()).isZero();
            assertThat(report.getBody().path("unitsPerSecond").asDouble()).isPositive();
            System.out.printf("CSV import: %d units in %d ms, %.1f units/s%n", 301, report.getBody().path("millis").asLong(),
                    report.getBody().path("unitsPerSecond").asDouble());
            JsonNode district = as("admin").getForObject("/api/admin/units/000.03.00.H36", JsonNode.class);
            assertThat(district.path("parentCode").asText()).isEqualTo("000.00.00.H36");
            assertThat(district.path("officeHours").asText()).isEqualTo("07:30-11:30,13:30-17:00");
            assertThat(district.path("name").asText()).isEqualTo("Ủy ban nhân dân huyện 3, tỉnh Nam Định");
            // Its groups are there for the roles: a commune's desk can be staffed at once.
            assertThat(as("admin").getForObject("/engine-rest/group/count?id=reception:012.05.01.H36", JsonNode.class)
                    .path("count").asInt()).isOne();

            // The same list again with a new name: updated, nothing created.
            ResponseEntity<JsonNode> again = importCsv("code,name,level\n000.00.00.H36,UBND tỉnh Nam Định,PROVINCE\n");
            assertThat(again.getBody().path("updated").asInt()).isOne();
            assertThat(as("admin").getForObject("/api/admin/units/000.00.00.H36", JsonNode.class).path("name").asText())
                    .isEqualTo("UBND tỉnh Nam Định");
        }

        @Test
        void shouldRefuseTheWholeFileWithTheErrorsOfEachLine() {
            ResponseEntity<JsonNode> refused = importCsv(String.join("\n",
                    "code,name,level,parentCode,email",
                    "000.00.00.H37,Ủy ban nhân dân tỉnh Ninh Bình,PROVINCE,,",
                    "000.01.00.H37,,DISTRICT,000.00.00.H37,",
                    "000.02.00.H37,Ủy ban nhân dân huyện Hoa Lư,HAMLET,000.00.00.H37,",
                    "001.01.00.H37,Ủy ban nhân dân xã Ninh Hải,COMMUNE,000.09.00.H37,not-an-address",
                    "000.00.00.H37,Trùng mã,PROVINCE,,"));

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            JsonNode violations = refused.getBody().path("violations");
            assertThat(violations.findValuesAsText("line")).containsExactlyInAnyOrder("3", "4", "5", "5", "6");
            assertThat(violations.findValuesAsText("field")).contains("name", "level", "parentCode", "email", "code");
            assertThat(refused.getBody().path("detail").asText()).contains("chưa có đơn vị nào được ghi");
            assertThat(as("admin").getForEntity("/api/admin/units/000.00.00.H37", JsonNode.class).getStatusCode())
                    .as("one transaction: the good lines are not written either").isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void shouldRefuseAFileWithUnknownColumns() {
            ResponseEntity<JsonNode> refused = importCsv("ma,ten,cap\n000.00.00.H38,Tỉnh,PROVINCE\n");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("violations").findValuesAsText("line")).containsOnly("1");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void shouldCloseAUnitWithDossiersAndNeverDeleteIt() {
            String unit = "000.00.40.H35";
            unitOk(unit, "Ủy ban nhân dân huyện Kim Bảng", "DISTRICT", null);
            // Online dossiers need no officer to be submitted: the new unit takes them at once.
            String code = submittedAt(unit).getBody().path("code").asText();
            assertThat(code).startsWith(unit + "-");

            ResponseEntity<JsonNode> delete = as("admin").exchange("/api/admin/units/{code}", HttpMethod.DELETE, null,
                    JsonNode.class, unit);
            assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(delete.getBody().path("detail").asText()).contains("không xoá được");

            JsonNode closed = as("admin").postForObject("/api/admin/units/{code}/close", null, JsonNode.class, unit);
            assertThat(closed.path("closedAt").isMissingNode()).isFalse();
            ResponseEntity<JsonNode> refused = submittedAt(unit);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("violations").findValuesAsText("code")).contains("closed");
            assertThat(dossier(code).path("status").asText()).as("its dossier goes on").isEqualTo("SUBMITTED");

            as("admin").postForObject("/api/admin/units/{code}/reopen", null, JsonNode.class, unit);
            assertThat(submittedAt(unit).getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(auditActions(unit)).contains("UNIT_CREATED", "UNIT_CLOSED", "UNIT_REOPENED");
        }

        @Test
        void shouldDeleteAMistypedUnitAndItsGroups() {
            String unit = "000.00.41.H35";
            unitOk(unit, "Ủy ban nhân dân huyện Gõ Nhầm", "DISTRICT", null);
            assertThat(as("admin").exchange("/api/admin/units/{code}", HttpMethod.DELETE, null, Void.class, unit)
                    .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(as("admin").getForEntity("/api/admin/units/{code}", JsonNode.class, unit).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(as("admin").getForObject("/engine-rest/group/count?id=head:" + unit, JsonNode.class)
                    .path("count").asInt()).isZero();
        }

        @Test
        void shouldEditAUnitButNeverItsCode() {
            String unit = "000.00.42.H35";
            unitOk(unit, "Ủy ban nhân dân huyện Lý Nhân", "DISTRICT", null);
            Map<String, Object> form = unitForm(unit, "Ủy ban nhân dân huyện Lý Nhân, tỉnh Hà Nam", "DISTRICT", null);
            form.put("address", "Thị trấn Vĩnh Trụ");
            JsonNode edited = as("admin").exchange("/api/admin/units/{code}", HttpMethod.PUT, new HttpEntity<>(form),
                    JsonNode.class, unit).getBody();
            assertThat(edited.path("address").asText()).isEqualTo("Thị trấn Vĩnh Trụ");
            assertThat(as("admin").getForObject("/engine-rest/group/head:" + unit, JsonNode.class).path("name").asText())
                    .as("the group follows the name").isEqualTo("Lãnh đạo - Ủy ban nhân dân huyện Lý Nhân, tỉnh Hà Nam");

            form.put("code", "000.00.43.H35");
            ResponseEntity<JsonNode> refused = as("admin").exchange("/api/admin/units/{code}", HttpMethod.PUT,
                    new HttpEntity<>(form), JsonNode.class, unit);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("violations").findValuesAsText("code")).contains("codeFixed");
        }

        @Test
        void shouldRefuseUnitsOutOfShapeWithTheirRules() {
            Map<String, Object> form = unitForm("bad code!", "", "HAMLET", "000.99.99.H99");
            form.put("officeHours", "sáng 7 giờ");
            ResponseEntity<JsonNode> refused = as("admin").postForEntity("/api/admin/units", form, JsonNode.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("violations").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("code", "name", "level", "parentCode", "officeHours");
            // A commune cannot sit above a district.
            unitOk("000.01.44.H35", "Ủy ban nhân dân xã Thanh Hà", "COMMUNE", null);
            ResponseEntity<JsonNode> upsideDown = as("admin").postForEntity("/api/admin/units",
                    unitForm("000.00.44.H35", "Ủy ban nhân dân huyện Thanh Liêm", "DISTRICT", "000.01.44.H35"), JsonNode.class);
            assertThat(upsideDown.getBody().path("violations").findValuesAsText("code")).containsExactly("parentLevel");
            assertThat(as("admin").postForEntity("/api/admin/units",
                    unitForm("000.01.44.H35", "Trùng", "COMMUNE", null), JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat(assign("000.01.44.H35", "mayor", "reception").path("violations").findValuesAsText("field"))
                    .containsExactly("role");
            assertThat(as("admin").exchange("/api/admin/units/000.01.44.H35/officers/head/nobody.here", HttpMethod.PUT,
                    null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
    }

    @Nested
    class Pages {

        @Test
        void shouldLetTheAdministratorKeepUnitsAndRolesOnThePages() {
            String page = as("admin").getForObject("/quan-tri/don-vi", String.class);
            assertThat(page).contains("Quản trị đơn vị", "000.00.01.H01", "Nhập danh sách đơn vị từ tệp CSV");

            ResponseEntity<String> created = postForm("/quan-tri/don-vi", Map.of("code", "000.00.45.H35",
                    "name", "Ủy ban nhân dân huyện Bình Lục", "level", "DISTRICT", "parentCode", "", "officeHours", ""));
            // The client follows the redirect after the post, as a browser does (without a session: no flash message).
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(created.getBody()).contains("data-unit=\"000.00.45.H35\"");
            officerOk("stp.trang", "Vũ Thu Trang");
            ResponseEntity<String> assigned = postForm("/quan-tri/don-vi/000.00.45.H35/can-bo",
                    Map.of("userId", "stp.trang", "role", "RECEPTION"));
            assertThat(assigned.getStatusCode()).isEqualTo(HttpStatus.OK);
            String unit = assigned.getBody();
            assertThat(unit).contains("Ủy ban nhân dân huyện Bình Lục", "data-holder=\"RECEPTION:stp.trang\"",
                    "Ngừng tiếp nhận hồ sơ");

            ResponseEntity<String> refused = postForm("/quan-tri/don-vi", Map.of("code", "000.00.46.H35", "name", "",
                    "level", "DISTRICT", "parentCode", "000.00.99.H99"));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).contains("id=\"admin-error\"", "Không có đơn vị cấp trên 000.00.99.H99");
        }

        private ResponseEntity<String> postForm(String path, Map<String, String> values) {
            org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
            values.forEach(form::add);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            return as("admin").postForEntity(path, new HttpEntity<>(form, headers), String.class);
        }
    }

    private ResponseEntity<JsonNode> submittedAt(String unit) {
        return http.postForEntity("/api/dossiers", submission(PROCEDURE, unit, "ONLINE", "ONLINE",
                householdBusiness("Phạm Văn Cường"), requiredDocuments()), JsonNode.class);
    }

    private void unitOk(String code, String name, String level, String parent) {
        ResponseEntity<JsonNode> created = as("admin").postForEntity("/api/admin/units", unitForm(code, name, level, parent),
                JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private static Map<String, Object> unitForm(String code, String name, String level, String parent) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("name", name);
        form.put("level", level);
        form.put("parentCode", parent);
        return form;
    }

    private void officerOk(String id, String lastName) {
        ResponseEntity<Void> created = as("admin").postForEntity("/api/admin/officers",
                Map.of("id", id, "firstName", "", "lastName", lastName, "email", id + "@hanam.gov.vn", "password", OFFICER_PASSWORD),
                Void.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode assign(String unit, String role, String user) {
        return as("admin").exchange("/api/admin/units/{code}/officers/{role}/{user}", HttpMethod.PUT, null, JsonNode.class,
                unit, role, user).getBody();
    }

    private JsonNode remove(String unit, String role, String user) {
        return as("admin").exchange("/api/admin/units/{code}/officers/{role}/{user}", HttpMethod.DELETE, null, JsonNode.class,
                unit, role, user).getBody();
    }

    private ResponseEntity<JsonNode> importCsv(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        return as("admin").postForEntity("/api/admin/units/import", new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }

    private List<String> auditActions(String unit) {
        // The audit trail's clock is the engine's: a day either side of today holds what these tests did.
        LocalDate today = engineToday();
        JsonNode rows = as("admin").getForObject("/api/audit?unit={unit}&from={from}&to={to}", JsonNode.class, unit,
                today.minusDays(1), today.plusDays(1));
        return rows.findValuesAsText("action");
    }
}
