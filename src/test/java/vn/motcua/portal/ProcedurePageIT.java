package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.support.IntegrationTest;

/** The procedure page and the catalogue search, as a browser and an API client get them, from the deployed models. */
class ProcedurePageIT extends IntegrationTest {

    /** The Vietnamese half of the field's label in the household business submission form. */
    private static final String OWNERSHIP_LABEL = "Chủ thể thành lập";

    @Test
    void shouldGuideTheApplicantThroughTheProcedureFromItsModels() {
        String page = html("/thu-tuc/" + PROCEDURE).getBody();

        // The steps in the order the lifecycle and the procedure's model run them, with who and how long.
        assertThat(page).containsSubsequence("Tiếp nhận và kiểm tra hồ sơ", "Bộ phận một cửa · 0,5 ngày làm việc",
                "Cấp giấy tiếp nhận và hẹn trả kết quả", "Gửi phiếu yêu cầu bổ sung", "Gửi phiếu từ chối tiếp nhận",
                "Thẩm định hồ sơ đăng ký hộ kinh doanh", "Chuyên viên phòng chuyên môn · 1,5 ngày làm việc",
                "Lãnh đạo phê duyệt kết quả", "Trả kết quả");
        // Documents with what they need, a condition in the form's own words.
        assertThat(page).contains("Giấy đề nghị đăng ký hộ kinh doanh", "Bắt buộc. Chấp nhận",
                "Bắt buộc khi mục &quot;" + OWNERSHIP_LABEL + "&quot; là Các thành viên hộ gia đình", "Nộp nếu có");
        assertThat(page).contains("100.000 đồng", "Nộp sau khi hồ sơ được tiếp nhận, trước khi giải quyết",
                "3 ngày làm việc", "Hồ sơ nhận sau 15:00 được tính từ ngày làm việc tiếp theo.",
                "Nghị định 01/2021/NĐ-CP", "Cấp huyện", "Ủy ban nhân dân quận Ba Đình", "Toàn trình",
                "Không có: mọi bước làm trực tuyến", "href=\"/thu-tuc/" + PROCEDURE + "/nop-ho-so\"");
    }

    @Test
    void shouldSayWhatAPartlyOnlineProcedureLeavesForTheCounter() {
        String page = html("/thu-tuc/certified_copy").getBody();

        assertThat(page).contains("Một phần", "Nộp hồ sơ trực tiếp tại Bộ phận một cửa, mang theo bản chính giấy tờ.",
                "Nhận kết quả: Tại bộ phận một cửa.", "Theo số trang: 2.000 đồng/trang",
                "Đối chiếu bản sao với bản chính, ghi lời chứng", "Nộp trước khi nhận kết quả");
        assertThat(page).doesNotContain("/thu-tuc/certified_copy/nop-ho-so", "/ Per page");
    }

    @Test
    void shouldMarkParallelStepsAndAStepsOwnTimeLimit() {
        String page = html("/thu-tuc/construction_permit").getBody();

        assertThat(page).containsSubsequence("Kiểm tra thực địa", "Làm cùng lúc với bước liền kề");
        assertThat(page).containsSubsequence("Lấy ý kiến cơ quan quản lý nhà nước có liên quan", "8 ngày làm việc",
                "Làm cùng lúc với bước liền kề", "Thẩm định hồ sơ, đề xuất cấp giấy phép xây dựng");
        JsonNode steps = http.getForObject("/api/procedures/construction_permit/steps", JsonNode.class);
        assertThat(steps.findValuesAsText("id")).containsExactly("check_completeness", "inspect_site",
                "consult_agencies", "appraise_dossier", "approve_dossier", "return_result");
    }

    @Nested
    class Search {

        @Test
        void shouldFindWordsWithoutTheirDiacritics() {
            assertThat(keys(http.getForObject("/api/procedures?q=ho kinh doanh", JsonNode.class))).contains(PROCEDURE)
                    .doesNotContain("birth_registration");
            assertThat(keys(http.getForObject("/api/procedures?q=DANG KY khai sinh", JsonNode.class)))
                    .containsExactly("birth_registration");
            assertThat(keys(http.getForObject("/api/procedures?q=giay phep xay dung", JsonNode.class)))
                    .containsExactly("construction_permit");
            assertThat(html("/thu-tuc?q=ho+kinh+doanh").getBody()).contains("data-procedure=\"" + PROCEDURE + "\"");
        }

        private List<String> keys(JsonNode procedures) {
            return procedures.findValuesAsText("key");
        }
    }

    @Nested
    class UnknownProcedure {

        @Test
        void shouldShowBrowsersAVietnamesePage() {
            ResponseEntity<String> page = html("/thu-tuc/khong_co_thu_tuc_nay");

            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
            assertThat(page.getBody()).contains("lang=\"vi\"", "Không tìm thấy thủ tục", "href=\"/thu-tuc\"");
            assertThat(html("/thu-tuc/khong_co_thu_tuc_nay/nop-ho-so").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void shouldAnswerTheApiWithAProblem() {
            ResponseEntity<JsonNode> problem = http.getForEntity("/api/procedures/khong_co_thu_tuc_nay", JsonNode.class);

            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(problem.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(problem.getBody().get("status").asInt()).isEqualTo(404);
        }
    }

    private ResponseEntity<String> html(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
