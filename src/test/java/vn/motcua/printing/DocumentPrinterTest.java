package vn.motcua.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class DocumentPrinterTest {

    private final DocumentPrinter printer = new DocumentPrinter(new StaticMessageSource());

    @Test
    void shouldPrintVietnameseExactlyWithTheFontEmbedded() throws IOException {
        byte[] pdf = printer.print("test-notice", Map.of(
                "issuer", "UBND QUẬN BA ĐÌNH",
                "placeAndDate", "Ba Đình, ngày 23 tháng 11 năm 2026",
                "applicant", "Nguyễn Thị Hường",
                "lines", List.of("Giấy đề nghị đăng ký hộ kinh doanh", "Bản sao Căn cước công dân của chủ hộ")),
                Locale.forLanguageTag("vi"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND QUẬN BA ĐÌNH", "Ba Đình, ngày 23 tháng 11 năm 2026", "THÔNG BÁO",
                    "Kính gửi: Nguyễn Thị Hường", "Giấy đề nghị đăng ký hộ kinh doanh",
                    "Bản sao Căn cước công dân của chủ hộ");
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
        }
    }

    @Test
    void shouldPrintATemplateGivenAsSourceWithTheSharedLayout() throws IOException {
        String source = """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:th="http://www.thymeleaf.org">
                <head><style th:replace="~{layout :: style}"></style></head>
                <body>
                  <table th:replace="~{layout :: heading(${issuer}, ${placeAndDate})}"></table>
                  <h1>TRÍCH LỤC KHAI SINH</h1>
                  <p>Họ, chữ đệm, tên: <span th:text="${child}">tên</span></p>
                </body>
                </html>""";

        byte[] pdf = printer.print("birth-registration.result.xhtml", source, Map.of("issuer", "UBND PHƯỜNG PHÚC XÁ",
                "placeAndDate", "Ba Đình, ngày 12 tháng 3 năm 2026", "child", "Lê Minh Khôi"), Locale.forLanguageTag("vi"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "UBND PHƯỜNG PHÚC XÁ", "TRÍCH LỤC KHAI SINH", "Họ, chữ đệm, tên: Lê Minh Khôi");
        }
    }

    @Test
    void shouldEscapeValuesRatherThanInterpretThem() throws IOException {
        byte[] pdf = printer.print("test-notice", Map.of("issuer", "X", "placeAndDate", "Y",
                "applicant", "<b>Trần</b> & \"Lê\"", "lines", List.of()), Locale.forLanguageTag("vi"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("<b>Trần</b> & \"Lê\"");
        }
    }

    @Test
    void shouldNameAMissingTemplate() {
        assertThatThrownBy(() -> printer.print("no-such-document", Map.of(), Locale.ROOT))
                .hasMessageContaining("no-such-document");
    }
}
