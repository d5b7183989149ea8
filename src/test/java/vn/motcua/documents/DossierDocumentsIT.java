package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestFiles;

/** Documents travel with dossiers through the REST API; a refused request leaves nothing anywhere. */
class DossierDocumentsIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DossierDocuments documents;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldStoreListAndServeDocumentsOfASubmission() throws Exception {
        byte[] form = TestFiles.pdf("Giay de nghi dang ky ho kinh doanh Pho Ha Noi 7Q2X");
        byte[] front = TestFiles.png();
        byte[] back = TestFiles.jpeg();
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("applicationForm", file("Giấy đề nghị \"bản chính\".pdf", form));
        files.add("identityPapers", file("cccd-mặt-trước.png", front));
        files.add("identityPapers", file("cccd-mặt-sau.jpg", back));

        ResponseEntity<JsonNode> response = submit(UNIT, "ONLINE", "COUNTER", householdBusiness("Vũ Thị Lan"), files);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        String code = response.getBody().get("code").asText();
        JsonNode listed = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
        assertThat(listed).hasSize(3);
        assertThat(column(listed, "slot")).containsExactly("applicationForm", "identityPapers", "identityPapers");
        assertThat(column(listed, "name")).containsExactly("Giấy đề nghị \"bản chính\".pdf", "cccd-mặt-trước.png",
                "cccd-mặt-sau.jpg");
        assertThat(column(listed, "type")).containsExactly("PDF", "PNG", "JPEG");
        assertThat(column(listed, "sha256")).containsExactly(sha256(form), sha256(front), sha256(back));
        assertThat(column(listed, "purpose")).containsOnly("SUBMISSION");
        assertThat(listed.get(0).get("size").asLong()).isEqualTo(form.length);
        assertThat(listed.get(0).get("uploadedAt").asText()).isNotBlank();

        ResponseEntity<byte[]> download = as("reception").getForEntity("/api/dossiers/{code}/documents/{id}", byte[].class, code,
                listed.get(0).get("id").asLong());
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(form);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getFirst("Content-Disposition"))
                .startsWith("attachment;").contains("filename*=UTF-8''").doesNotContain("\"bản");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(as("reception").getForEntity("/api/documents?q={q}", JsonNode.class, "p").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode hits = as("reception").getForObject("/api/documents?q={q}", JsonNode.class, "pho ha noi 7q2x");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("document").get("dossierCode").asText()).isEqualTo(code);
        assertThat(hits.get(0).get("excerpt").asText()).contains("Pho Ha Noi 7Q2X");
    }

    @Test
    void shouldListTheProceduresDocumentsInTheCatalogue() {
        JsonNode documents = http.getForObject("/api/procedures/{key}", JsonNode.class, PROCEDURE).get("documents");

        assertThat(column(documents, "id")).containsExactly("applicationForm", "identityPapers",
                "membersMeetingMinutes", "membersAuthorisation", "premisesPapers");
        assertThat(column(documents, "required")).containsExactly("true", "true", "false", "false", "false");
        JsonNode minutes = documents.get(2);
        assertThat(minutes.get("name").asText()).isEqualTo(
                "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh");
        assertThat(minutes.get("requiredWhen").get("field").asText()).isEqualTo("ownershipType");
        assertThat(minutes.get("requiredWhen").get("values").get(0).asText()).isEqualTo("FAMILY");
        assertThat(documents.get(1).get("types").toString()).isEqualTo("[\"PDF\",\"JPEG\",\"PNG\"]");
        assertThat(documents.get(0).get("maxSizeBytes").asLong()).isEqualTo(10L * 1024 * 1024);
        assertThat(http.getForObject("/api/procedures", JsonNode.class).get(0).has("documents")).isTrue();
    }

    @Test
    void shouldDescribeBothSubmissionVariantsInTheApiDocs() {
        JsonNode submit = http.getForObject("/api-docs", JsonNode.class).get("paths").get("/api/dossiers").get("post");
        assertThat(submit.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        assertThat(submit.get("requestBody").get("content").has("application/json")).isTrue();
        assertThat(submit.get("description").asText()).contains("part `submission`");
    }

    @Test
    void shouldAnswerNotFoundForAnotherDossiersDocument() {
        String first = submitted("ONLINE", "COUNTER", "Ngô Văn Hải");
        String second = submitted("ONLINE", "COUNTER", "Ngô Thị Hà");
        long firstDocument = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, first).get(0).get("id")
                .asLong();

        assertThat(as("reception").getForEntity("/api/dossiers/{code}/documents/{id}", JsonNode.class, second, firstDocument)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("reception").getForEntity("/api/dossiers/{code}/documents", JsonNode.class, "000.00.01.H01-240101-9999")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldStoreSupplementedDocumentsWithTheirPurpose() {
        String code = awaitingSupplement("Lý Văn Minh");
        MultiValueMap<String, Object> files = premisesPapers("hop-dong-thue.pdf", TestFiles.pdf("Hop dong thue nha"));

        ResponseEntity<JsonNode> response = postMultipart(as("reception"), "/api/dossiers/{code}/supplement", "supplement",
                Map.of("note", "Đã bổ sung hợp đồng thuê"), files, code);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode listed = as("reception").getForObject("/api/dossiers/{code}/documents", JsonNode.class, code);
        assertThat(column(listed, "purpose")).containsExactly("SUBMISSION", "SUBMISSION", "SUPPLEMENT");
        assertThat(column(listed, "slot")).endsWith("premisesPapers");
    }

    @Test
    void shouldRemoveStoredFilesWhenTheTransactionRollsBack() throws IOException {
        String code = submitted("ONLINE", "COUNTER", "Trịnh Văn Nam");
        long rowsBefore = documentRows();
        long filesBefore = storedFiles();
        UploadRule pdf = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofMegabytes(1));

        try (CheckedUploads checked = documents.check(List.of(new Upload("premisesPapers", "x.pdf",
                new ByteArrayResource(TestFiles.pdf("rolled back")))), slot -> Optional.of(pdf))) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                documents.store(code, checked.accepted(), Purpose.SUPPLEMENT, "reception",
                        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
                assertThat(storedFiles()).isEqualTo(filesBefore + 1);
                status.setRollbackOnly();
            });
        }

        assertThat(documentRows()).isEqualTo(rowsBefore);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseRenamedExecutable() {
            assertApplicationFormRefused("don.pdf", TestFiles.elf(), "executable");
        }

        @Test
        void shouldRefusePdfOverTheSlotsLimit() {
            assertApplicationFormRefused("scan.pdf", TestFiles.pdfOfSize(10 * 1024 * 1024 + 1), "tooLarge");
        }

        /**
         * Tomcat answers 413 and closes the connection while the client may still be sending, which
         * most clients (browsers, curl) read but the test's HTTP client reports as a broken pipe; a
         * plain socket sends the body on one thread and reads the answer on another, as browsers do.
         */
        @Test
        void shouldAnswerPayloadTooLargeWhenAFileExceedsTheServersLimit() throws Exception {
            long dossiers = count("dossier");
            long files = storedFiles();
            String boundary = "motcua-boundary-7c1f";
            String json = new ObjectMapper().writeValueAsString(Map.of(
                    "procedureKey", PROCEDURE, "unitCode", UNIT, "channel", "ONLINE", "resultChannel", "COUNTER",
                    "data", householdBusiness("An")));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"submission\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"applicationForm\"; filename=\"huge.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(TestFiles.pdfOfSize(20 * 1024 * 1024 + 64 * 1024));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            URI root = URI.create(http.getRootUri());

            String answer;
            try (Socket socket = new Socket(root.getHost(), root.getPort())) {
                socket.setSoTimeout(30_000);
                byte[] request = body.toByteArray();
                Thread sender = new Thread(() -> {
                    try {
                        socket.getOutputStream().write(("POST /api/dossiers HTTP/1.1\r\nHost: localhost\r\n"
                                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                                + request.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().write(request);
                    } catch (IOException closedByServer) {
                        // The server answered before reading everything: what this test is about.
                    }
                });
                sender.start();
                answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                sender.join(30_000);
            }

            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"status\":413")
                    .contains("vượt quá giới hạn");
            assertThat(count("dossier")).isEqualTo(dossiers);
            assertThat(storedFiles()).isEqualTo(files);
        }

        @Test
        void shouldRefuseCorruptPdf() {
            assertApplicationFormRefused("don.pdf", TestFiles.truncatedPdf(), "malformed");
        }

        @Test
        void shouldRefuseEncryptedWordDocument() {
            assertApplicationFormRefused("don.docx", TestFiles.encryptedDocx("Giay de nghi"), "encrypted");
        }

        @Test
        void shouldRefuseMissingRequiredDocument() {
            MultiValueMap<String, Object> files = requiredDocuments();
            files.remove("identityPapers");
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", householdBusiness("An"), files),
                    HttpStatus.BAD_REQUEST);
            assertViolation(problem, "documents.identityPapers", "required", null);
        }

        @Test
        void shouldRequireTheFamilysDocumentsWhenAFamilyRegisters() {
            Map<String, Object> data = householdBusiness("An");
            data.put("ownershipType", "FAMILY");
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST);
            assertViolation(problem, "documents.membersMeetingMinutes", "required", null);
            assertViolation(problem, "documents.membersAuthorisation", "required", null);
        }

        @Test
        void shouldRefuseJsonSubmissionOfAProcedureThatRequiresDocuments() {
            JsonNode problem = assertNothingStored(() -> http.postForEntity("/api/dossiers", Map.of(
                    "procedureKey", PROCEDURE, "unitCode", UNIT, "channel", "ONLINE", "resultChannel", "COUNTER",
                    "data", householdBusiness("An")), JsonNode.class), HttpStatus.BAD_REQUEST);
            assertViolation(problem, "documents.applicationForm", "required", null);
        }

        @Test
        void shouldRefuseFileForASlotTheProcedureDoesNotHave() {
            MultiValueMap<String, Object> files = requiredDocuments();
            files.add("passport", file("passport.pdf", TestFiles.pdf("x")));
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", householdBusiness("An"), files),
                    HttpStatus.BAD_REQUEST);
            assertViolation(problem, "documents.passport", "unknownSlot", "passport.pdf");
        }

        @Test
        void shouldRefuseFormMissingARequiredFieldWithValidDocuments() {
            Map<String, Object> data = householdBusiness("An");
            data.remove("businessName");
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", data), HttpStatus.BAD_REQUEST);
            assertViolation(problem, "businessName", "required", null);
        }

        @Test
        void shouldRefuseValueOutsideItsOptionsAndABadFileTogether() {
            Map<String, Object> data = householdBusiness("An");
            data.put("ownershipType", "CORPORATION");
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", data,
                    replacing("identityPapers", file("cccd.jpg", TestFiles.shellScript()))), HttpStatus.BAD_REQUEST);
            assertViolation(problem, "ownershipType", "option", null);
            assertViolation(problem, "documents.identityPapers", "executable", "cccd.jpg");
        }

        @Test
        void shouldRefuseSupplementWithEncryptedPdfAndKeepWaiting() {
            String code = awaitingSupplement("Đinh Văn Phúc");
            MultiValueMap<String, Object> files = premisesPapers("hop-dong.pdf", TestFiles.encryptedPdf("x"));

            JsonNode problem = assertNothingStored(() -> postMultipart(as("reception"), "/api/dossiers/{code}/supplement", "supplement",
                    Map.of("note", "Bổ sung"), files, code), HttpStatus.BAD_REQUEST);

            assertViolation(problem, "documents.premisesPapers", "encrypted", "hop-dong.pdf");
            assertThat(dossier(code).get("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        }

        private void assertApplicationFormRefused(String fileName, byte[] content, String code) {
            JsonNode problem = assertNothingStored(() -> submit(UNIT, "ONLINE", "COUNTER", householdBusiness("An"),
                    replacing("applicationForm", file(fileName, content))), HttpStatus.BAD_REQUEST);
            assertViolation(problem, "documents.applicationForm", code, fileName);
        }

        private MultiValueMap<String, Object> replacing(String slot, Object file) {
            MultiValueMap<String, Object> files = requiredDocuments();
            files.set(slot, file);
            return files;
        }

        private JsonNode assertNothingStored(Supplier<ResponseEntity<JsonNode>> request, HttpStatus status) {
            long dossiers = count("dossier");
            long documentRows = documentRows();
            long files = storedFiles();
            long instances = as("admin").getForObject("/engine-rest/history/process-instance/count", JsonNode.class)
                    .get("count").asLong();

            ResponseEntity<JsonNode> response = request.get();

            assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(count("dossier")).as("dossier rows").isEqualTo(dossiers);
            assertThat(documentRows()).as("document rows").isEqualTo(documentRows);
            assertThat(storedFiles()).as("files under the document root").isEqualTo(files);
            assertThat(as("admin").getForObject("/engine-rest/history/process-instance/count", JsonNode.class)
                    .get("count").asLong()).as("process instances").isEqualTo(instances);
            return response.getBody();
        }

        private void assertViolation(JsonNode problem, String field, String code, String file) {
            List<JsonNode> matching = StreamSupport.stream(problem.get("violations").spliterator(), false)
                    .filter(v -> v.get("field").asText().equals(field) && v.get("code").asText().equals(code))
                    .toList();
            assertThat(matching).as("violation %s [%s] in %s", field, code, problem).hasSize(1);
            if (file != null) {
                assertThat(matching.get(0).get("file").asText()).isEqualTo(file);
                assertThat(matching.get(0).get("message").asText()).contains(file);
            }
        }
    }

    /** A dossier whose reception asked for the premises papers. */
    private String awaitingSupplement(String applicant) {
        String code = submitted("ONLINE", "COUNTER", applicant);
        engine.workOk(code, "reception", "check_completeness", Map.of("receptionOutcome", "INCOMPLETE",
                "missingDocuments", "Bản sao hợp đồng thuê địa điểm kinh doanh"));
        return code;
    }

    private static MultiValueMap<String, Object> premisesPapers(String fileName, byte[] content) {
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("premisesPapers", file(fileName, content));
        return files;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long documentRows() {
        return count("document");
    }

    /** Every regular file under the root, temporary ones included. */
    private static long storedFiles() {
        try (Stream<Path> files = Files.walk(DOCUMENTS)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
