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
