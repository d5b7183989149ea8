package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SignedPdfs;
import vn.motcua.support.TestFiles;

/**
 * Each procedure of the library travels end to end on PostgreSQL through the public API: submitted
 * with its required documents, worked in the engine by the officers of its unit, its result returned.
 */
class ProcedureLibraryIT extends IntegrationTest {

    private static final String COMMUNE = "000.01.01.H01";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void shouldListTheFourProceduresWithTheirFeesAndChannels() {
        JsonNode procedures = http.getForObject("/api/procedures", JsonNode.class);
        assertThat(column(procedures, "key")).contains("household_business_registration", "birth_registration",
                "certified_copy", "construction_permit");

        String page = http.getForObject("/thu-tuc", String.class);
        String copy = page.substring(page.indexOf("data-procedure=\"certified_copy\""));
        copy = copy.substring(0, copy.indexOf("</article>"));
        assertThat(copy).contains("Theo số trang: 2.000 đồng/trang", "chỉ nộp trực tiếp tại Bộ phận một cửa",
                "Trong ngày làm việc").doesNotContain("/thu-tuc/certified_copy/nop-ho-so");
        assertThat(page).contains("/thu-tuc/birth_registration/nop-ho-so", "75.000 đồng", "Không thu phí");
    }

    @Test
    void shouldRefuseADateThatIsNoDateAndAWrongLevelInWords() {
        Map<String, Object> data = applicant("Nguyễn Văn Ngày");
        data.putAll(Map.of("applicantRelationship", "FATHER", "childName", "Nguyễn Minh Ngày",
                "childDateOfBirth", "not-a-date", "childSex", "MALE", "childPlaceOfBirth", "Bệnh viện Phụ sản Hà Nội",
                "childEthnicity", "Kinh", "childNationality", "Việt Nam", "motherName", "Trần Thị Hoa",
                "fatherName", "Nguyễn Văn Ngày", "parentsMarried", "NO"));
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("declarationForm", file("to-khai-khai-sinh.pdf", TestFiles.pdf("To khai dang ky khai sinh")));
        files.add("birthCertificate", file("giay-chung-sinh.jpg", TestFiles.jpeg()));
        files.add("identityPapers", file("cccd.png", TestFiles.png()));

        ResponseEntity<JsonNode> refused = submit("birth_registration", COMMUNE, "ONLINE", "ONLINE", data, files);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("violations").toString()).contains("childDateOfBirth",
                "Ngày không hợp lệ, ghi theo dạng ngày/tháng/năm (dd/mm/yyyy)");

        data.put("childDateOfBirth", "2026-11-20");
        ResponseEntity<JsonNode> wrongLevel = submit("birth_registration", UNIT, "ONLINE", "ONLINE", data, files);
        assertThat(wrongLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongLevel.getBody().toString()).contains("Thủ tục này do cơ quan cấp xã giải quyết")
                .doesNotContain("COMMUNE");
    }

    @Test
    void shouldRegisterBirthSameDayWhenCommuneOfficersAgree() {
        Map<String, Object> data = applicant("Nguyễn Văn Hùng");
        data.putAll(Map.of("applicantRelationship", "FATHER", "childName", "Nguyễn Minh Khôi",
                "childDateOfBirth", "2026-11-20", "childSex", "MALE", "childPlaceOfBirth", "Bệnh viện Phụ sản Hà Nội",
                "childEthnicity", "Kinh", "childNationality", "Việt Nam", "motherName", "Trần Thị Hoa",
                "fatherName", "Nguyễn Văn Hùng", "parentsMarried", "YES"));
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("declarationForm", file("to-khai-khai-sinh.pdf", TestFiles.pdf("To khai dang ky khai sinh")));
        files.add("birthCertificate", file("giay-chung-sinh.jpg", TestFiles.jpeg()));
        files.add("identityPapers", file("cccd.png", TestFiles.png()));

        // The marriage certificate is required when the parents are married.
        ResponseEntity<JsonNode> incomplete = submit("birth_registration", COMMUNE, "ONLINE", "ONLINE", data, files);
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(incomplete.getBody().toString()).contains("marriageCertificate");

        files.add("marriageCertificate", file("dang-ky-ket-hon.pdf", TestFiles.pdf("Giay chung nhan ket hon")));
        String code = submitted("birth_registration", COMMUNE, "ONLINE", "ONLINE", data, files);
        JsonNode submitted = dossier(code);
        // Same day: due at the close of office hours of the day counting starts (17:00 in Hà Nội).
        assertThat(submitted.get("deadline").get("legal").asText()).isEqualTo("same-day");
        ZonedDateTime start = Instant.parse(submitted.get("deadline").get("countingStartedAt").asText()).atZone(HANOI);
        ZonedDateTime due = Instant.parse(submitted.get("dueAt").asText()).atZone(HANOI);
        assertThat(due.toLocalDate()).isEqualTo(start.toLocalDate());
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(17, 0));

        engine.workOk(code, "reception.phucxa", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        engine.workOk(code, "specialist.phucxa", "check_civil_status_record",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Khớp với Giấy chứng sinh"));
        engine.workOk(code, "head.phucxa", "approve_dossier", Map.of("approvalDecision", "APPROVE"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(column(dossier.get("controlSheet"), "to")).containsSubsequence(
                "reception:" + COMMUNE, "specialist:" + COMMUNE, "head:" + COMMUNE);
        // The birth certificate extract, from the procedure's template, as the head approved it, issued signed.
        assertThat(text(approvedDraft(code))).contains("TRÍCH LỤC KHAI SINH", "NGUYỄN MINH KHÔI", "20/11/2026", "Nam",
                "Bệnh viện Phụ sản Hà Nội", "Trần Thị Hoa", "Nguyễn Văn Hùng", "Kết quả điện tử này mang chữ ký số của");
        assertThat(SignedPdfs.verify(issuedResult(code)).reason()).isEqualTo("Phê duyệt kết quả giải quyết hồ sơ " + code);
    }

    @Test
    void shouldCertifyCopyAtCounterWithFeeByPageWhenOnlineIsRefused() {
        JsonNode procedure = http.getForObject("/api/procedures/certified_copy", JsonNode.class);
        assertThat(procedure.get("channels").toString()).isEqualTo("[\"COUNTER\"]");
        assertThat(procedure.get("feeNote").asText()).contains("200.000 đồng/bản");
        Map<String, Object> data = applicant("Phạm Thị Dung");
        data.putAll(Map.of("documentName", "Bằng tốt nghiệp đại học", "documentIssuer", "Trường Đại học Bách khoa Hà Nội",
                "pages", 3, "copies", 2));
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("originalDocument", file("bang-tot-nghiep.pdf", TestFiles.pdf("Bang tot nghiep")));

        // The original must be shown to the officer: no online dossier, and nothing stored.
        ResponseEntity<JsonNode> online = submit("certified_copy", COMMUNE, "ONLINE", "COUNTER", data, files);
        assertThat(online.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(online.getBody().get("violations").get(0).get("field").asText()).isEqualTo("channel");
        assertThat(online.getBody().get("violations").get(0).get("message").asText()).contains("trực tiếp tại quầy").doesNotContain("COUNTER");

        String code = submitted("certified_copy", COMMUNE, "COUNTER", "COUNTER", data, files);
        engine.workOk(code, "reception.phucxa", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        // The officer's form shows the fee the lifecycle assessed with the table: 2 x (2 x 2,000 + 1,000).
        String certification = engine.taskFor(code, "specialist.phucxa", "certify_copy");
        assertThat(as("specialist.phucxa").getForObject("/engine-rest/task/{id}/variables/feeAmount", JsonNode.class,
                certification)
                .get("value").asLong()).isEqualTo(10000L);
        engine.workOk(code, "specialist.phucxa", "certify_copy",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Bản sao đúng với bản chính"));
        engine.workOk(code, "head.phucxa", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception.phucxa", "hand_over_at_counter",
                Map.of("receiverName", "Phạm Thị Dung", "receiverIdNumber", "001090012345"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("APPROVED");
        // The attestation handed over on paper: no sentence about an electronic signature it does not carry.
        assertThat(text(approvedDraft(code))).contains("LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH",
                "Chứng thực bản sao này đúng với bản chính.", "Bằng tốt nghiệp đại học", "Phạm Thị Dung")
                .doesNotContain("chữ ký số");
    }

    @Test
    void shouldIssueConstructionPermitAfterSiteInspectionAndConsultationWhenSupplementedFirst() {
        JsonNode procedure = http.getForObject("/api/procedures/construction_permit", JsonNode.class);
        assertThat(procedure.get("fee").asLong()).isEqualTo(75000);
        assertThat(procedure.get("timeLimits").get("clockPolicy").asText()).isEqualTo("RESTART");
        Map<String, Object> data = applicant("Đặng Văn Long");
        data.putAll(Map.of("siteAddress", "18 Ngõ 32 Phố Đội Cấn, Ba Đình, Hà Nội", "landParcel", "Thửa 125, tờ bản đồ 7",
                "footprintArea", 60, "floorArea", 240, "floors", 4, "height", 15, "adjacentWorks", "YES"));
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("applicationForm", file("don-de-nghi.pdf", TestFiles.pdf("Don de nghi cap giay phep xay dung")));
        files.add("landRightPapers", file("so-do.jpg", TestFiles.jpeg()));
        files.add("designDrawings", file("ban-ve.pdf", TestFiles.pdf("Ban ve thiet ke")));
        files.add("adjacentWorksCommitment", file("cam-ket.pdf", TestFiles.pdf("Cam ket an toan cong trinh lien ke")));
        String code = submitted("construction_permit", UNIT, "ONLINE", "POST", data, files);
        String firstDue = dossier(code).get("dueAt").asText();

        // A supplement restarts the 15 days from the complete dossier.
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản vẽ mặt bằng móng"));
        ResponseEntity<JsonNode> supplement = as("reception").postForEntity("/api/dossiers/{code}/supplement",
                Map.of("note", "Đã bổ sung bản vẽ móng"), JsonNode.class, code);
        assertThat(supplement.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(column(dossier(code).get("controlSheet"), "type")).contains("CLOCK_RESTARTED");
        assertThat(Instant.parse(dossier(code).get("dueAt").asText())).isAfterOrEqualTo(Instant.parse(firstDue));
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));

        // Site inspection and consultation are open at once, each with its own due date.
        assertThat(engine.tasksFor(code, "specialist")).extracting(task -> task.get("taskDefinitionKey").asText())
                .containsExactlyInAnyOrder("inspect_site", "consult_agencies");
        JsonNode consultationTimer = engine.timer(code, "consultation_timed_out");
        assertThat(consultationTimer.get("dueDate").isNull()).isFalse();
        engine.fireTimer(code, "consultation_timed_out");
        completeOnly(code, "specialist", "inspect_site", Map.of("siteInspectionResult", "CONFORMS",
                "siteInspectionNote", "Đúng vị trí, ranh giới thửa đất"));
        engine.workOk(code, "specialist", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện cấp phép"));
        engine.workOk(code, "head", "approve_dossier", Map.of("approvalDecision", "APPROVE"));
        engine.workOk(code, "reception", "send_by_post", Map.of("postalTrackingNumber", "EV123456789VN"));

        JsonNode dossier = dossier(code);
        assertThat(dossier.get("status").asText()).isEqualTo("RESULT_RETURNED");
        assertThat(dossier.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(text(approvedDraft(code))).contains("GIẤY PHÉP XÂY DỰNG", "Đặng Văn Long",
                "18 Ngõ 32 Phố Đội Cấn, Ba Đình, Hà Nội", "Thửa 125, tờ bản đồ 7", "240 m²", "có hiệu lực khởi công");
    }

    /** The PDF of the dossier's approved result draft. */
    private byte[] approvedDraft(String code) {
        JsonNode drafts = as("admin").getForObject("/api/dossiers/{code}/result-drafts", JsonNode.class, code);
        JsonNode approved = StreamSupport.stream(drafts.spliterator(), false)
                .filter(draft -> draft.hasNonNull("approvedAt")).findFirst().orElseThrow();
        return as("admin").getForObject("/api/dossiers/{code}/documents/{id}", byte[].class, code,
                approved.get("documentId").asLong());
    }

    /** The result issued online (the dossier's RESULT document). */
    private byte[] issuedResult(String code) {
        JsonNode documents = as("admin").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
        JsonNode result = StreamSupport.stream(documents.spliterator(), false)
                .filter(document -> "RESULT".equals(document.get("purpose").asText())).findFirst().orElseThrow();
        return as("admin").getForObject("/api/dossiers/{code}/documents/{id}", byte[].class, code, result.get("id").asLong());
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Works the one open task of {@code step} among several the officer sees. */
    private void completeOnly(String code, String user, String step, Map<String, Object> values) {
        String taskId = engine.tasksFor(code, user).stream()
                .filter(task -> task.get("taskDefinitionKey").asText().equals(step))
                .map(task -> task.get("id").asText()).findFirst().orElseThrow();
        as(user).postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user), Void.class, taskId);
        assertThat(engine.complete(user, taskId, values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> applicant(String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", name);
        data.put("applicantIdNumber", "001090012345");
        data.put("applicantPhone", "0987 654 321");
        data.put("applicantAddress", "5 Phố Phúc Xá, Ba Đình, Hà Nội");
        return data;
    }

    private ResponseEntity<JsonNode> submit(String procedure, String unit, String channel, String resultChannel,
            Map<String, Object> data, MultiValueMap<String, Object> files) {
        // Online: the citizen, anonymous; at the counter or by post: the unit's reception officer.
        return ("ONLINE".equals(channel) ? http : as(receptionOf(unit))).postForEntity("/api/dossiers",
                submission(procedure, unit, channel, resultChannel, data, files), JsonNode.class);
    }

    private String submitted(String procedure, String unit, String channel, String resultChannel,
            Map<String, Object> data, MultiValueMap<String, Object> files) {
        ResponseEntity<JsonNode> response = submit(procedure, unit, channel, resultChannel, data, files);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("code").asText();
    }
}
