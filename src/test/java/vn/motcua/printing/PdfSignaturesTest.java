package vn.motcua.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticMessageSource;

import vn.motcua.MotcuaProperties;
import vn.motcua.printing.SigningKeys.SigningKey;
import vn.motcua.support.SignedPdfs;

/** PAdES signatures from the operator's PKCS#12 keystore: the unit's own key, else the agency's. */
class PdfSignaturesTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-03-12T03:15:00Z");
    private static final MotcuaProperties MOTCUA = new MotcuaProperties(null, null, "Ủy ban nhân dân thành phố Hà Nội");

    @TempDir
    Path folder;

    private final byte[] notice = new DocumentPrinter(new StaticMessageSource()).print("test-notice", Map.of(
            "issuer", "UBND PHƯỜNG PHÚC XÁ", "placeAndDate", "Ba Đình, ngày 12 tháng 3 năm 2026",
            "applicant", "Nguyễn Thị Hường", "lines", List.of("Giấy chứng nhận đăng ký hộ kinh doanh")),
            Locale.forLanguageTag("vi"));

    @Test
    void shouldSignWithTheUnitsOwnKeyTheWholeDocumentAsPrinted() throws Exception {
        PdfSignatures signatures = new PdfSignatures(keystore("s3cret", "agency", "000.01.01.h01"), MOTCUA);

        byte[] signed = signatures.sign(notice, "000.01.01.H01", "Phê duyệt kết quả giải quyết hồ sơ X", SIGNED_AT);

        SignedPdfs.Verified verified = SignedPdfs.verify(signed);
        assertThat(verified.checkedByPdfsig()).isEqualTo(Files.isExecutable(Path.of("/usr/bin/pdfsig")));
        assertThat(verified.signer()).isEqualTo("Chủ tịch UBND 000.01.01.h01");
        assertThat(verified.reason()).isEqualTo("Phê duyệt kết quả giải quyết hồ sơ X");
        // An incremental update: the document as printed, then the signature.
        assertThat(Arrays.copyOf(signed, notice.length)).isEqualTo(notice);
        try (PDDocument document = Loader.loadPDF(signed)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Kính gửi: Nguyễn Thị Hường");
            assertThat(document.getSignatureDictionaries().get(0).getSignDate().toInstant()).isEqualTo(SIGNED_AT);
        }
    }

    @Test
    void shouldSignWithTheAgencysKeyForAUnitWithoutItsOwn() {
        PdfSignatures signatures = new PdfSignatures(keystore("s3cret", "agency", "000.01.01.h01"), MOTCUA);

        byte[] signed = signatures.sign(notice, "000.00.02.H01", "Biên lai", SIGNED_AT);

        assertThat(SignedPdfs.verify(signed).signer()).isEqualTo("Chủ tịch UBND agency");
    }

    @Test
    void shouldSignWithASelfSignedKeyOnlyWhenAskedTo() {
        PdfSignatures demo = new PdfSignatures(new SigningProperties(null, null, null, true, null), MOTCUA);
        assertThat(SignedPdfs.verify(demo.sign(notice, "000.00.01.H01", "Demo", SIGNED_AT)).signer())
                .isEqualTo("Ủy ban nhân dân thành phố Hà Nội (demo)");

        assertThatThrownBy(() -> new PdfSignatures(new SigningProperties(null, null, null, false, null), MOTCUA))
                .hasMessageContaining("motcua.signing.keystore is not set");
    }

    @Test
    void shouldRefuseToStartWhenTheKeystoreLacksTheAgencysKey() {
        SigningProperties withoutAgency = keystore("s3cret", "000.01.01.h01");

        assertThatThrownBy(() -> new PdfSignatures(withoutAgency, MOTCUA))
                .hasMessageContaining("has no private key named agency");
    }

    private SigningProperties keystore(String password, String... aliases) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (String alias : aliases) {
                SigningKey key = SigningKeys.selfSignedKey("Chủ tịch UBND " + alias, "UBND thành phố Hà Nội");
                store.setKeyEntry(alias, key.key(), password.toCharArray(), key.chain().toArray(Certificate[]::new));
            }
            Path file = folder.resolve("signing.p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new SigningProperties(file, password, "agency", false, "Hà Nội");
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
