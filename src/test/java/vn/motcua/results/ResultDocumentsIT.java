package vn.motcua.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SignedPdfs;

/**
 * The result document through the public API: the specialist's draft from the procedure's own template, a second
 * draft while the head's task is open, the head's approval of the first refused, of the second recorded, and the
 * applicant downloading exactly that PDF with the unit's signature appended; the paid fee receipt signed too.
 */
class ResultDocumentsIT extends IntegrationTest {

    private static final String NOTE = "Ngành nghề ghi theo mã VSIC 5610: nhà hàng và dịch vụ ăn uống";

    @Test
    void shouldGiveTheApplicantExactlyTheDocumentTheHeadApprovedSigned() throws Exception {
        // Given a dossier for online result, paid in cash at the desk of a unit that collects fees, appraised
        ResponseEntity<JsonNode> submitted = submit(OTHER_UNIT, "ONLINE", "ONLINE", householdBusiness("Vương Thị Lan"));
        String code = submitted.getBody().get("code").asText();
        Map<String, String> lookup = Map.of("code", code, "secret", submitted.getBody().get("lookupSecret").asText());
        engine.workOk(code, "reception2", "check_completeness", Map.of("receptionOutcome", "ACCEPT"));
        assertThat(as("reception2").postForEntity("/api/payments/{code}/cash", Map.of("amount", 100000), JsonNode.class,
                code).getStatusCode()).isEqualTo(HttpStatus.OK);
        engine.workOk(code, "specialist2", "appraise_dossier",
                Map.of("proposedDecision", "APPROVE", "appraisalNote", "Đủ điều kiện đăng ký"));

        // Then the result is drafted from the procedure's template, by the specialist, awaiting the head
        JsonNode first = onlyCurrent(drafts(code));
        assertThat(first.get("template").asText()).isEqualTo("household-business-registration.result.xhtml");
        assertThat(first.get("draftedBy").asText()).isEqualTo("specialist2");
        assertThat(first.hasNonNull("approvedAt")).isFalse();
        byte[] firstPdf = document(code, first.get("documentId").asLong());
        assertThat(sha256(firstPdf)).isEqualTo(first.get("sha256").asText());
        assertThat(text(firstPdf)).contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "Số: " + code,
                "Hộ kinh doanh Phở Hà Nội", "150.000.000 đồng", "Vương Thị Lan",
                "Kết quả điện tử này mang chữ ký số của");
        // and the head's form carries its hash and where to open it
        String approval = engine.taskFor(code, "head2", "approve_dossier");
        JsonNode form = as("head2").getForObject("/engine-rest/task/{id}/form-variables", JsonNode.class, approval);
        String seenByHead = form.get("resultDraftSha256").get("value").asText();
        assertThat(seenByHead).isEqualTo(first.get("sha256").asText());
        assertThat(form.get("resultDraftUrl").get("value").asText())
                .isEqualTo("/api/dossiers/" + code + "/documents/" + first.get("documentId").asLong() + "?inline=true");

        // When the specialist drafts it again with a note while the head's task is open (nobody else may)
        assertThat(as("reception2").postForEntity("/api/dossiers/{code}/result-drafts", Map.of("note", NOTE), JsonNode.class,
                code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("specialist").postForEntity("/api/dossiers/{code}/result-drafts", Map.of("note", NOTE), JsonNode.class,
                code).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> redrafted = as("specialist2").postForEntity("/api/dossiers/{code}/result-drafts",
                Map.of("note", NOTE), JsonNode.class, code);
        assertThat(redrafted.getStatusCode()).as(String.valueOf(redrafted.getBody())).isEqualTo(HttpStatus.CREATED);
        String second = redrafted.getBody().get("sha256").asText();
        assertThat(second).isNotEqualTo(seenByHead);

        // Then the head's approval of the draft the head saw is refused, and nothing moves
        ResponseEntity<JsonNode> stale = engine.work(code, "head2", "approve_dossier",
                Map.of("approvalDecision", "APPROVE", "resultDraftSha256", seenByHead));
        assertThat(stale.getStatusCode()).as(String.valueOf(stale.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody().get("reason").asText()).isEqualTo("result-draft-changed");
        assertThat(stale.getBody().get("currentSha256").asText()).isEqualTo(second);
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(onlyCurrent(drafts(code)).hasNonNull("approvedAt")).isFalse();
        assertThat(http.postForEntity("/api/tracking/result", lookup, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        // When the head reopens the task, reads the new draft and approves it
        String reopened = engine.taskFor(code, "head2", "approve_dossier");
        String seenNow = as("head2").getForObject("/engine-rest/task/{id}/form-variables", JsonNode.class, reopened)
                .get("resultDraftSha256").get("value").asText();
        assertThat(seenNow).isEqualTo(second);
        assertThat(engine.complete("head2", reopened, Map.of("approvalDecision", "APPROVE", "resultDraftSha256", seenNow))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // Then the approval records that hash and who gave it
        List<JsonNode> history = drafts(code);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).hasNonNull("supersededAt")).isTrue();
        assertThat(history.get(0).hasNonNull("approvedAt")).isFalse();
        assertThat(history.get(1).get("approvedBy").asText()).isEqualTo("head2");
        assertThat(history.get(1).get("approvedSha256").asText()).isEqualTo(second);

        // And the applicant downloads exactly the approved PDF, with the unit's signature appended
        assertThat(dossier(code).get("status").asText()).isEqualTo("RESULT_RETURNED");
        ResponseEntity<byte[]> result = http.postForEntity("/api/tracking/result", lookup, byte[].class);
        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] approved = document(code, history.get(1).get("documentId").asLong());
        byte[] signed = result.getBody();
        assertThat(Arrays.copyOf(signed, approved.length)).isEqualTo(approved);
        assertThat(sha256(Arrays.copyOf(signed, approved.length))).isEqualTo(second);
        SignedPdfs.Verified verified = SignedPdfs.verify(signed);
        assertThat(verified.signer()).contains("Ủy ban nhân dân thành phố Hà Nội");
        assertThat(verified.reason()).isEqualTo("Phê duyệt kết quả giải quyết hồ sơ " + code);
        assertThat(text(signed)).contains("GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH", "Ghi chú: " + NOTE,
                "Kết quả điện tử này mang chữ ký số của");

        // And the fee receipt the applicant downloads is signed by the unit as well
        ResponseEntity<byte[]> receipt = http.postForEntity("/api/tracking/fee-receipt", lookup, byte[].class);
        assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
        SignedPdfs.Verified receiptSignature = SignedPdfs.verify(receipt.getBody());
        assertThat(receiptSignature.reason()).isEqualTo("Biên lai thu phí, lệ phí điện tử BL-" + code);
        assertThat(text(receipt.getBody())).contains("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", code, "100.000 đồng",
                "Một trăm nghìn đồng");
    }

    @Test
    void shouldRefuseADraftWhenNoApprovalIsOpen() {
        String code = submitted("ONLINE", "COUNTER", "Khúc Thị Mai");

        ResponseEntity<JsonNode> early = as("specialist").postForEntity("/api/dossiers/{code}/result-drafts",
                Map.of("note", NOTE), JsonNode.class, code);

        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(drafts(code)).isEmpty();
    }

    private List<JsonNode> drafts(String code) {
        JsonNode drafts = as("admin").getForObject("/api/dossiers/{code}/result-drafts", JsonNode.class, code);
        return StreamSupport.stream(drafts.spliterator(), false).toList();
    }

    private static JsonNode onlyCurrent(List<JsonNode> drafts) {
        List<JsonNode> current = drafts.stream().filter(draft -> !draft.hasNonNull("supersededAt")).toList();
        assertThat(current).as("drafts in force").hasSize(1);
        return current.get(0);
    }

    private byte[] document(String code, long id) {
        ResponseEntity<byte[]> response = as("admin").getForEntity("/api/dossiers/{code}/documents/{id}", byte[].class,
                code, id);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
