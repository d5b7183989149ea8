package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import vn.motcua.support.TestFiles;
import vn.motcua.support.TestMessages;

class DocumentInspectorTest {

    private static final UploadRule ANY = new UploadRule(EnumSet.allOf(DocumentType.class), DataSize.ofMegabytes(1));

    // A spool directory of its own: other builds on the machine spool into the system's temp directory too.
    @TempDir
    static Path spoolDirectory;

    private final DocumentInspector inspector = new DocumentInspector(10_000, spoolDirectory, new UploadRefusals(TestMessages.bundle()));

    @Nested
    class Accepted {

        @Test
        void shouldAcceptPdfWithItsTextAndChecksum() throws Exception {
            byte[] pdf = TestFiles.pdf("Giay de nghi dang ky ho kinh doanh");
            try (InspectedFile file = inspect("applicationForm", "C:\\fakepath\\giấy đề nghị.PDF", pdf, ANY)) {
                assertThat(file.type()).isEqualTo(DocumentType.PDF);
                assertThat(file.fileName()).isEqualTo("giấy đề nghị.PDF");
                assertThat(file.size()).isEqualTo(pdf.length);
                assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
                assertThat(file.text()).contains("Giay de nghi dang ky ho kinh doanh");
                assertThat(Files.readAllBytes(file.spool())).isEqualTo(pdf);
            }
        }

        @Test
        void shouldAcceptDocxWithItsText() {
            try (InspectedFile file = inspect("applicationForm", "don.docx", TestFiles.docx("Bien ban hop thanh vien"), ANY)) {
                assertThat(file.type()).isEqualTo(DocumentType.DOCX);
                assertThat(file.text()).contains("Bien ban hop thanh vien");
            }
        }

        @Test
        void shouldAcceptImagesWithoutText() {
            try (InspectedFile png = inspect("identityPapers", "cccd.png", TestFiles.png(), ANY);
                    InspectedFile jpeg = inspect("identityPapers", "cccd.jpg", TestFiles.jpeg(), ANY)) {
                assertThat(png.type()).isEqualTo(DocumentType.PNG);
                assertThat(jpeg.type()).isEqualTo(DocumentType.JPEG);
                assertThat(jpeg.text()).isEmpty();
            }
        }

        @Test
        void shouldRemoveTheSpoolWhenClosed() {
            InspectedFile file = inspect("identityPapers", "cccd.png", TestFiles.png(), ANY);
            file.close();
            assertThat(file.spool()).doesNotExist();
        }

        @Test
        void shouldAcceptAPdfWithPaddingAfterItsEnd() {
            try (InspectedFile file = inspect("applicationForm", "scan.pdf", TestFiles.pdfOfSize(200_000), ANY)) {
                assertThat(file.type()).isEqualTo(DocumentType.PDF);
            }
        }

        @Test
        void shouldShortenAVeryLongNameKeepingItsExtension() {
            String name = "giấy-đề-nghị-".repeat(30) + ".pdf";
            try (InspectedFile file = inspect("applicationForm", name, TestFiles.pdf("x"), ANY)) {
                assertThat(file.fileName().codePointCount(0, file.fileName().length())).isEqualTo(255);
                assertThat(file.fileName()).startsWith("giấy-đề-nghị-").endsWith("….pdf");
            }
        }

        @Test
        void shouldDropBidiAndControlCharactersFromNames() {
            // "ảnh<RLO>fdp.jpg" reads as "ảnhgpj.pdf" in a list: the override goes, the real name stays.
            try (InspectedFile file = inspect("identityPapers", "ảnh\u202Egpj.jpg", TestFiles.jpeg(), ANY);
                    InspectedFile other = inspect("identityPapers", "cccd\u0000\u2066.png", TestFiles.png(), ANY)) {
                assertThat(file.fileName()).isEqualTo("ảnhgpj.jpg");
                assertThat(other.fileName()).isEqualTo("cccd.png");
            }
        }

        @Test
        void shouldRemoveTheSpoolWhateverEndsTheInspection() {
            long before = spools();
            Upload failing = new Upload("applicationForm", "don.pdf", () -> new InputStream() {
                @Override
                public int read() {
                    // As a request's body stream fails when memory runs out under load.
                    throw new OutOfMemoryError("test: no memory left while receiving");
                }
            });
            assertThatThrownBy(() -> inspector.inspect(failing, ANY)).isInstanceOf(OutOfMemoryError.class);
            assertThat(spools()).isEqualTo(before);
        }

        @Test
        void shouldKeepExtractedTextWithinTheLimit() {
            DocumentInspector short_ = new DocumentInspector(20, spoolDirectory, new UploadRefusals(TestMessages.bundle()));
            try (InspectedFile file = short_.inspect(upload("x", "long.docx", TestFiles.docx("a".repeat(500))), ANY)) {
                assertThat(file.text()).hasSizeLessThanOrEqualTo(20);
            }
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseLinuxProgramRenamedToPdf() {
            assertRefused("report.pdf", TestFiles.elf(), ANY, "executable");
        }

        @Test
        void shouldRefuseWindowsProgramRenamedToPdf() {
            assertRefused("report.pdf", TestFiles.windowsExecutable(), ANY, "executable");
        }

        @Test
        void shouldRefuseScriptRenamedToJpeg() {
            assertRefused("photo.jpg", TestFiles.shellScript(), ANY, "executable");
        }

        @Test
        void shouldRefusePngNamedPdf() {
            assertRefused("scan.pdf", TestFiles.png(), ANY, "extension");
        }

        @Test
        void shouldRefusePdfNamedWithoutExtension() {
            assertRefused("scan", TestFiles.pdf("x"), ANY, "extension");
        }

        @Test
        void shouldRefuseTypeTheSlotDoesNotAccept() {
            UploadRule pdfOnly = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofMegabytes(1));
            assertRefused("don.docx", TestFiles.docx("x"), pdfOnly, "type");
        }

        @Test
        void shouldRefusePlainText() {
            assertRefused("notes.pdf", "just some words".getBytes(), ANY, "type");
        }

        @Test
        void shouldRefuseEncryptedPdf() {
            assertRefused("locked.pdf", TestFiles.encryptedPdf("secret"), ANY, "encrypted");
        }

        @Test
        void shouldRefuseEncryptedWordDocument() {
            assertRefused("don.docx", TestFiles.encryptedDocx("secret"), ANY, "encrypted");
        }

        @Test
        void shouldRefuseTruncatedWordDocument() {
            byte[] docx = TestFiles.docx("Bien ban hop");
            assertRefused("don.docx", Arrays.copyOf(docx, docx.length / 2), ANY, "malformed");
        }

        @Test
        void shouldRefuseTruncatedPdf() {
            assertRefused("cut.pdf", TestFiles.truncatedPdf(), ANY, "malformed");
        }

        @Test
        void shouldRefusePdfCutBeforeItsEnd() {
            // PDFBox repairs a PDF that lost its cross-reference table and trailer: only the missing end tells.
            byte[] pdf = TestFiles.pdf("Giay de nghi dang ky ho kinh doanh");
            assertRefused("cut.pdf", Arrays.copyOf(pdf, pdf.length - 30), ANY, "malformed");
        }

        @Test
        void shouldRefuseTruncatedJpeg() {
            byte[] jpeg = TestFiles.jpeg();
            assertRefused("cccd.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3), ANY, "malformed");
        }

        @Test
        void shouldRefuseTruncatedPng() {
            byte[] png = TestFiles.png();
            assertRefused("cccd.png", Arrays.copyOf(png, png.length * 2 / 3), ANY, "malformed");
        }

        @Test
        void shouldRefusePdfWithJavaScript() {
            assertRefused("don.pdf", TestFiles.pdfWithJavaScript(), ANY, "activeContent");
        }

        @Test
        void shouldRefusePdfWithEmbeddedFiles() {
            assertRefused("don.pdf", TestFiles.pdfWithEmbeddedFile(), ANY, "activeContent");
        }

        @Test
        void shouldRefuseADocxThatInflatesAThousandfold() {
            // About 300 KB on the wire, 300 MB once inflated: refused before it is read into memory.
            byte[] bomb = TestFiles.docxBomb(300L * 1024 * 1024);
            assertThat(bomb.length).isLessThan(1024 * 1024);
            UploadRule large = new UploadRule(EnumSet.allOf(DocumentType.class), DataSize.ofMegabytes(5));
            assertRefused("don.docx", bomb, large, "malformed");
        }

        @Test
        void shouldRefuseBrokenPngHeader() {
            byte[] png = TestFiles.png();
            byte[] broken = Arrays.copyOf(png, 20);
            assertRefused("cccd.png", broken, ANY, "malformed");
        }

        @Test
        void shouldRefuseEmptyFile() {
            assertRefused("empty.pdf", new byte[0], ANY, "empty");
        }

        @Test
        void shouldStopReadingAtTheLimit() {
            UploadRule small = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofKilobytes(64));
            AtomicLong read = new AtomicLong();
            Upload endless = new Upload("applicationForm", "huge.pdf", () -> new InputStream() {
                @Override
                public int read() {
                    read.incrementAndGet();
                    return 'x';
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    read.addAndGet(length);
                    Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                    return length;
                }
            });
            assertThatThrownBy(() -> inspector.inspect(endless, small))
                    .isInstanceOfSatisfying(RefusedUploadException.class,
                            e -> assertThat(e.violation().code()).isEqualTo("tooLarge"));
            assertThat(read.get()).isLessThanOrEqualTo(DataSize.ofKilobytes(64).toBytes() + 64 * 1024);
        }

        @Test
        void shouldRefusePdfOverTheLimit() {
            UploadRule small = new UploadRule(Set.of(DocumentType.PDF), DataSize.ofKilobytes(64));
            DocumentViolation violation = assertRefused("scan.pdf", TestFiles.pdfOfSize(64 * 1024 + 1), small, "tooLarge");
            assertThat(violation.message()).contains("64 KB");
        }

        private DocumentViolation assertRefused(String name, byte[] content, UploadRule rule, String code) {
            long spoolsBefore = spools();
            Throwable thrown = catchThrowable(
                    () -> inspector.inspect(upload("identityPapers", name, content), rule));
            assertThat(thrown).as("inspection of %s", name).isInstanceOf(RefusedUploadException.class);
            DocumentViolation violation = ((RefusedUploadException) thrown).violation();
            assertThat(violation.code()).as(violation.message()).isEqualTo(code);
            assertThat(violation.field()).isEqualTo("documents.identityPapers");
            assertThat(violation.file()).isEqualTo(name);
            assertThat(violation.message()).startsWith("Tệp '" + name + "': ").contains(" / File '" + name + "': ");
            assertThat(spools()).as("temporary files left behind").isEqualTo(spoolsBefore);
            return violation;
        }
    }

    private InspectedFile inspect(String slot, String name, byte[] content, UploadRule rule) {
        return inspector.inspect(upload(slot, name, content), rule);
    }

    private static Upload upload(String slot, String name, byte[] content) {
        return new Upload(slot, name, new ByteArrayResource(content));
    }

    private static long spools() {
        try (var files = Files.list(spoolDirectory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("motcua-upload-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
