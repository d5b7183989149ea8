package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestMail;

/**
 * Deadlines through the REST API on PostgreSQL, with the engine clock set to local office times in
 * Hà Nội: due dates over weekends, Tết and the cut-off, same-day and working-hour procedures, the
 * PAUSE and RESTART policies, warnings, escalation to the head of unit and the apology letter.
 */
class DeadlinesIT extends IntegrationTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Autowired
    RepositoryService repository;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void shouldPromiseTheDueDateOnTheReceiptCountedOverTheWeekend() {
        // Friday 20 November 2026, 10:00: three working days end on Wednesday at 10:00
        clock("2026-11-20T10:00");
        String code = submitted("ONLINE", "COUNTER", "Nguyễn Văn An");

        JsonNode deadline = dossier(code).get("deadline");
        assertThat(deadline.get("legal").asText()).isEqualTo("3d");
        assertThat(instant(deadline, "countingStartedAt")).isEqualTo(local("2026-11-20T10:00"));
        assertThat(instant(deadline, "dueAt")).isEqualTo(local("2026-11-25T10:00"));
        assertThat(instant(deadline, "originalDueAt")).isEqualTo(local("2026-11-25T10:00"));
        assertThat(deadline.get("late").asBoolean()).isFalse();
        assertThat(instant(dossier(code), "dueAt")).isEqualTo(local("2026-11-25T10:00"));
        assertThat(column(dossier(code).get("controlSheet"), "type")).startsWith("SUBMITTED", "DEADLINE_SET");

        // Reception has half a day (4 working hours) and is followed up an hour before
        JsonNode reception = task(code, "check_completeness");
        assertThat(engineDate(reception, "due")).isEqualTo(local("2026-11-20T15:30"));
        assertThat(engineDate(reception, "followUp")).isEqualTo(local("2026-11-20T14:30"));

        // When reception accepts, the receipt promises the same date and processing runs to Tuesday 10:00
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        assertThat(instant(dossier(code), "dueAt")).isEqualTo(local("2026-11-25T10:00"));
        assertThat(engineDate(task(code, "appraise_dossier"), "due")).isEqualTo(local("2026-11-24T10:00"));
    }

    @Test
    void shouldCountAnOnlineDossierFromItsAcceptanceAndPromiseThatOnTheReceipt() {
        // Uploaded on Friday 20 November 2026 at 10:00, checked by reception on Monday 23 November at 09:00
        clock("2026-11-20T10:00");
        String code = submitted("ONLINE", "COUNTER", "Đoàn Thị Lan");
        clock("2026-11-23T09:00");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));

        // Three working days from the acceptance: Thursday 09:00, and that is the appointment given
        JsonNode dossier = dossier(code);
        assertThat(instant(dossier.get("deadline"), "countingStartedAt")).isEqualTo(local("2026-11-23T09:00"));
        assertThat(instant(dossier, "dueAt")).isEqualTo(local("2026-11-26T09:00"));
        assertThat(instant(dossier.get("deadline"), "originalDueAt")).isEqualTo(local("2026-11-26T09:00"));
        assertThat(column(dossier.get("controlSheet"), "type")).containsSubsequence("SUBMITTED", "DEADLINE_SET",
                "STEP_COMPLETED", "DEADLINE_SET", "ACCEPTED");
        // The dossier's warning follows: counted from the upload it fell on Tuesday, before Wednesday's due date
        assertThat(engineDate(engine.timer(code, "dossier_at_risk"), "dueDate"))
                .isAfter(local("2026-11-24T17:00")).isBefore(local("2026-11-26T09:00"));
    }

    @Test
    void shouldKeepTheCounterDossiersClockFromItsReceipt() {
        clock("2026-11-20T10:00");
        String code = submitted("COUNTER", "COUNTER", "Đoàn Văn Minh");
        clock("2026-11-23T09:00");
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));

        assertThat(instant(dossier(code), "dueAt")).isEqualTo(local("2026-11-25T10:00"));
    }

    @Test
    void shouldCountFromTheNextWorkingDayAfterTheCutOffAcrossTet() {
        // Friday 13 February 2026 at 15:30, after the cut-off; offices close 16-20 February for Tết
        clock("2026-02-13T15:30");
        String code = submitted("COUNTER", "COUNTER", "Trần Thị Bình");

        JsonNode deadline = dossier(code).get("deadline");
        assertThat(instant(deadline, "countingStartedAt")).isEqualTo(local("2026-02-23T07:30"));
        assertThat(instant(deadline, "dueAt")).isEqualTo(local("2026-02-25T17:00"));
    }

    @Test
    void shouldMeetSameDayAndWorkingHourDeadlines() throws IOException {
        String sameDay = testProcedure("test_same_day_procedure", "same-day", "PAUSE");
        String fourHours = testProcedure("test_four_hour_procedure", "4h", "PAUSE");

        clock("2026-11-23T09:00");
        assertThat(instant(dossier(submittedFor(sameDay, "Lê Văn Cường")), "dueAt")).isEqualTo(local("2026-11-23T17:00"));
        clock("2026-11-23T15:10");
        assertThat(instant(dossier(submittedFor(sameDay, "Lê Văn Cường")), "dueAt")).isEqualTo(local("2026-11-24T17:00"));
        clock("2026-11-23T10:00");
        assertThat(instant(dossier(submittedFor(fourHours, "Phạm Thị Dung")), "dueAt")).isEqualTo(local("2026-11-23T15:30"));
    }

    @Test
    void shouldRefuseASubmissionThatCountsBeyondTheYearsTheCalendarCanCount() {
        // Years nobody loaded are counted on their statutory calendar (YearBoundaryIT); only beyond 2100, the
        // lunar calendar's checked range, is a deadline refused, with a 422 naming the year.
        clock("2100-12-30T09:00");

        ResponseEntity<JsonNode> refused = submit(UNIT, "ONLINE", "COUNTER", householdBusiness("Lý Thị Mai"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("title").asText()).isEqualTo("Calendar year not loaded");
        assertThat(refused.getBody().get("year").asInt()).isEqualTo(2101);
    }

    @Nested
    class Supplements {

        @Test
        void shouldMoveTheDueDateByTheWorkingTimeWaitedWhenThePolicyIsPause() throws IOException {
            String procedure = testProcedure("test_pause_procedure", "3d", "PAUSE");
            clock("2026-11-23T09:00");
            String code = submittedFor(procedure, "Hoàng Văn Em");
            assertThat(instant(dossier(code), "dueAt")).isEqualTo(local("2026-11-26T09:00"));

            // Reception asks for a supplement on Monday 09:00; the applicant answers on Wednesday 09:00
            engine.workOk(code, "reception", "check_completeness",
                    Map.of("receptionOutcome", "INCOMPLETE", "missingDocuments", "Bản sao CCCD của chủ hộ"));
            assertThat(dossier(code).get("deadline").get("paused").asBoolean()).isTrue();
            assertThat(engine.timer(code, "dossier_at_risk").get("suspended").asBoolean()).isTrue();
            clock("2026-11-25T09:00");
            supplement(code);

            // 15 working hours waited: due Monday 30 November 09:00, warning 6 working hours before
            JsonNode dossier = dossier(code);
            assertThat(instant(dossier, "dueAt")).isEqualTo(local("2026-11-30T09:00"));
            assertThat(instant(dossier.get("deadline"), "originalDueAt")).isEqualTo(local("2026-11-26T09:00"));
            assertThat(dossier.get("deadline").get("pausedWorkingMinutes").asLong()).isEqualTo(16 * 60);
            JsonNode resumed = event(dossier, "CLOCK_RESUMED");
            assertThat(instant(resumed, "previousDueAt")).isEqualTo(local("2026-11-26T09:00"));
            assertThat(instant(resumed, "dueAt")).isEqualTo(local("2026-11-30T09:00"));
            assertThat(column(dossier.get("controlSheet"), "type")).containsSubsequence("CLOCK_PAUSED",
                    "SUPPLEMENT_RECEIVED", "CLOCK_RESUMED");
            JsonNode warning = engine.timer(code, "dossier_at_risk");
            assertThat(warning.get("suspended").asBoolean()).isFalse();
            assertThat(engineDate(warning, "dueDate")).isEqualTo(local("2026-11-27T11:00"));
        }

        @Test
        void shouldRunTheFullLegalTimeAgainFromTheSupplementWhenThePolicyIsRestart() {
            clock("2026-11-23T09:00");
            String code = submitted("ONLINE", "COUNTER", "Vũ Thị Hạnh");
            engine.workOk(code, "reception", "check_completeness",
                    Map.of("receptionOutcome", "INCOMPLETE", "missingDocuments", "Hợp đồng thuê địa điểm"));

            // The supplement arrives on Wednesday after the cut-off: three working days from Thursday 07:30
            clock("2026-11-25T16:00");
            supplement(code);

            JsonNode dossier = dossier(code);
            assertThat(instant(dossier.get("deadline"), "countingStartedAt")).isEqualTo(local("2026-11-26T07:30"));
            assertThat(instant(dossier, "dueAt")).isEqualTo(local("2026-11-30T17:00"));
            JsonNode restarted = event(dossier, "CLOCK_RESTARTED");
            assertThat(instant(restarted, "previousDueAt")).isEqualTo(local("2026-11-26T09:00"));
            assertThat(engineDate(engine.timer(code, "dossier_at_risk"), "dueDate"))
                    .isAfter(local("2026-11-26T07:30"));
            assertThat(engineDate(task(code, "check_completeness"), "due")).isEqualTo(local("2026-11-26T11:30"));
        }
    }

    @Nested
    class Escalation {

        @Test
        void shouldWarnThenEscalateToTheHeadWhoReassignsTheLateStep() throws Exception {
            String code = overdueWithSpecialist("Đặng Văn Phúc");

            // The specialist's phase warning, the dossier's warning and the overdue notice went out once each
            assertThat(subjects("specialist@demo.motcua.vn", code)).anyMatch(s -> s.contains("sắp đến hạn"));
            assertThat(subjects("head@demo.motcua.vn", code))
                    .filteredOn(s -> s.contains("đã quá hạn")).hasSize(1);
            assertThat(notifications(code, "dossier:" + code + ":overdue")).hasSize(1);
            JsonNode dossier = dossier(code);
            assertThat(dossier.get("deadline").get("late").asBoolean()).isTrue();
            assertThat(dossier.get("deadline").get("overdueAt").isNull()).isFalse();
            assertThat(column(dossier.get("controlSheet"), "type")).containsSubsequence("DEADLINE_WARNING", "OVERDUE");

            // An officer of another unit is refused, before anything changes
            String decision = engine.taskFor(code, "head", "decide_on_late_dossier");
            as("head").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "head"), Void.class, decision);
            ResponseEntity<JsonNode> refused = engine.complete("head", decision,
                    Map.of("lateDossierAction", "REASSIGN", "newAssignee", "specialist2"));
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("message").asText()).contains("newAssignee");

            // The head gives the appraisal to a named specialist of the unit
            ResponseEntity<JsonNode> reassigned = engine.complete("head", decision, Map.of("lateDossierAction", "REASSIGN",
                    "newAssignee", "specialist", "lateDossierNote", "Ưu tiên xử lý trong sáng nay"));
            assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(task(code, "appraise_dossier").get("assignee").asText()).isEqualTo("specialist");
            JsonNode row = event(dossier(code), "TASK_REASSIGNED");
            assertThat(row.get("from").asText()).isEqualTo("specialist:" + UNIT);
            assertThat(row.get("to").asText()).isEqualTo("specialist");
            assertThat(row.get("actor").asText()).isEqualTo("head");
            assertThat(subjects("specialist@demo.motcua.vn", code)).anyMatch(s -> s.contains("được giao"));
            JsonNode reassignedDossier = dossier(code);
            assertThat(reassignedDossier.get("currentStep").asText()).isEqualTo("Thẩm định hồ sơ đăng ký hộ kinh doanh");
            assertThat(reassignedDossier.get("currentHolder").asText()).isEqualTo("specialist");
        }

        @Test
        void shouldRaiseThePriorityAndTellTheHolderWhenTheHeadExpedites() {
            String code = overdueWithSpecialist("Ngô Thị Lan");

            engine.workOk(code, "head", "decide_on_late_dossier", Map.of("lateDossierAction", "EXPEDITE",
                    "lateDossierNote", "Đề nghị hoàn thành trong ngày"));

            assertThat(task(code, "appraise_dossier").get("priority").asInt()).isEqualTo(80);
            assertThat(column(dossier(code).get("controlSheet"), "type")).contains("TASK_EXPEDITED");
            assertThat(subjects("specialist@demo.motcua.vn", code)).anyMatch(s -> s.startsWith("Đôn đốc"));
            assertThat(dossier(code).get("currentHolder").asText()).isEqualTo("specialist:" + UNIT);
        }

        @Test
        void shouldIssueTheApologyLetterWithANewWorkingDayAndKeepTheDossierLate() throws Exception {
            String code = overdueWithSpecialist("Nguyễn Thị Hường");
            String decision = engine.taskFor(code, "head", "decide_on_late_dossier");
            as("head").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "head"), Void.class, decision);

            // A Saturday and a past day are refused
            for (String date : List.of("2026-11-28", "2026-11-25")) {
                ResponseEntity<JsonNode> refused = engine.complete("head", decision, Map.of("lateDossierAction", "APOLOGY",
                        "apologyReason", "Chờ ý kiến của cơ quan thuế", "newAppointmentDate", date));
                assertThat(refused.getStatusCode()).as(date).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(refused.getBody().get("message").asText()).contains("newAppointmentDate");
            }
            ResponseEntity<JsonNode> issued = engine.complete("head", decision, Map.of("lateDossierAction", "APOLOGY",
                    "apologyReason", "Chờ ý kiến của cơ quan thuế", "newAppointmentDate", "2026-12-01"));
            assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

            // The dossier keeps its due date, gets the new appointment and still counts as late
            JsonNode dossier = dossier(code);
            assertThat(instant(dossier, "dueAt")).isEqualTo(local("2026-11-26T09:00"));
            assertThat(dossier.get("deadline").get("newAppointmentDate").asText()).isEqualTo("2026-12-01");
            assertThat(dossier.get("deadline").get("apologyReason").asText()).isEqualTo("Chờ ý kiến của cơ quan thuế");
            assertThat(dossier.get("deadline").get("late").asBoolean()).isTrue();
            assertThat(column(dossier.get("controlSheet"), "type")).contains("APOLOGY_ISSUED");
            // The appraisal is still open: the dossier is with it, not with the answered escalation
            assertThat(dossier.get("currentStep").asText()).isEqualTo("Thẩm định hồ sơ đăng ký hộ kinh doanh");
            assertThat(dossier.get("currentHolder").asText()).isEqualTo("specialist:" + UNIT);

            // The letter is kept as a PDF with exact Vietnamese, and mailed to the applicant with it attached
            ResponseEntity<byte[]> pdf = as("head").getForEntity("/api/dossiers/{code}/apology-letters/1.pdf", byte[].class, code);
            assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true); // reading order, whatever order the runs were written in
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Kính gửi: Nguyễn Thị Hường", "Số 1/" + code, "Mã hồ sơ: " + code + ".",
                        "Lý do: Chờ ý kiến của cơ quan thuế", "Đăng ký thành lập hộ kinh doanh",
                        "Thời hẹn trả kết quả giải quyết hồ sơ: 09:00 ngày 26/11/2026",
                        "vào ngày 01 tháng 12 năm 2026.", "Ngày 23 tháng 11 năm 2026, Ủy ban nhân dân quận Ba Đình tiếp nhận", "Mong nhận được sự thông cảm của Ông/Bà./.");
            }
            sendNotificationsOk(code);
            List<MimeMessage> letters = TestMail.to("an.nguyen@example.vn").stream()
                    .filter(m -> subject(m).contains("Phiếu xin lỗi") && subject(m).contains(code)).toList();
            assertThat(letters).hasSize(1);
            Multipart parts = (Multipart) letters.get(0).getContent();
            boolean attached = false;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                attached |= ("phieu-xin-loi-" + code + "-1.pdf").equals(part.getFileName());
            }
            assertThat(attached).as("PDF attached").isTrue();
            assertThat(as("head").getForEntity("/api/dossiers/{code}/apology-letters", JsonNode.class, code).getBody())
                    .hasSize(1);
            assertThat(as("head").getForEntity("/api/dossiers/{code}/apology-letters/2.pdf", byte[].class, code)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        /** Submitted Monday 23 November 09:00, accepted, with the specialist, then past its Thursday 09:00 due date. */
        private String overdueWithSpecialist(String applicant) {
            clock("2026-11-23T09:00");
            String code = submitted("ONLINE", "COUNTER", applicant);
            engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
            clock("2026-11-25T09:00");
            engine.fireTimer(code, "appraise_dossier");
            engine.fireTimer(code, "dossier_at_risk");
            // The head has one working day to answer: until Thursday 09:00
            assertThat(engineDate(task(code, "decide_on_late_dossier"), "due")).isEqualTo(local("2026-11-26T09:00"));
            clock("2026-11-26T09:01");
            engine.fireTimer(code, "dossier_due_passed_in_review");
            return code;
        }
    }

    private String testProcedure(String key, String deadline, String policy) throws IOException {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            String model = Files.readString(Path.of("processes/procedures/household-business-registration.bpmn"))
                    .replace("household_business_registration", key)
                    .replace("value=\"2.000720\"", "value=\"T." + key + "\"")
                    .replace("name=\"procedure.deadline\" value=\"3d\"", "name=\"procedure.deadline\" value=\"" + deadline + "\"")
                    .replace("value=\"RESTART\"", "value=\"" + policy + "\"")
                    .replaceAll("\\s*<camunda:property name=\"procedure\\.share\\.[a-zA-Z]+\" value=\"[^\"]*\" />", "");
            repository.createDeployment().name(key).addString(key + ".bpmn", model)
                    .addString("household-business-registration.result.xhtml",
                            Files.readString(Path.of("processes/procedures/household-business-registration.result.xhtml")))
                    .deploy();
        }
        return key;
    }

    private String submittedFor(String procedureKey, String applicant) {
        ResponseEntity<JsonNode> response = http.postForEntity("/api/dossiers", submission(procedureKey, UNIT, "ONLINE",
                "COUNTER", householdBusiness(applicant), requiredDocuments()), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody().get("code").asText();
    }

    private void supplement(String code) {
        ResponseEntity<JsonNode> response = as("reception").postForEntity("/api/dossiers/{code}/supplement",
                Map.of("note", "Đã bổ sung"), JsonNode.class, code);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    }

    private JsonNode task(String code, String key) {
        return engine.openTasks(code).stream().filter(t -> key.equals(t.get("taskDefinitionKey").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no open task " + key + " of " + code));
    }

    private List<JsonNode> notifications(String code, String eventKey) {
        JsonNode all = as("reception").getForObject("/api/notifications?dossier={code}", JsonNode.class, code);
        return StreamSupport.stream(all.spliterator(), false)
                .filter(n -> eventKey.equals(n.get("eventKey").asText())).toList();
    }

    private static List<String> subjects(String address, String code) {
        return TestMail.to(address).stream().map(DeadlinesIT::subject).filter(s -> s.contains(code)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode event(JsonNode dossier, String type) {
        return StreamSupport.stream(dossier.get("controlSheet").spliterator(), false)
                .filter(row -> type.equals(row.get("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " on the control sheet"));
    }

    private static void clock(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(local(localDateTime)));
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    private static Instant engineDate(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asText(), ENGINE_DATE).toInstant();
    }
}
