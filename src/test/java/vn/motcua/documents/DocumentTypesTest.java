package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import vn.motcua.support.TestFiles;
import vn.motcua.support.TestMessages;

/**
 * The runtime leaves out the parts of Tika no slot needs (Access and PST parsers, the PDFBox tools,
 * S/MIME; pom.xml): every type docs/documents.md promises must still be recognised, read and, when
 * locked, refused, with exactly the libraries the jar ships.
 */
class DocumentTypesTest {

    private static final UploadRule ANY = new UploadRule(EnumSet.allOf(DocumentType.class), DataSize.ofMegabytes(1));
    /** The bullet of docs/documents.md that lists the types a slot may name. */
    private static final Pattern TYPES_BULLET = Pattern.compile("- types: a comma-separated list of ([^;]+);");
    private static final Pattern NAME = Pattern.compile("`([a-z]+)`");

    @TempDir
    static Path spoolDirectory;

    private final DocumentInspector inspector = new DocumentInspector(10_000, spoolDirectory, new UploadRefusals(TestMessages.bundle()));

    @Test
    void shouldDocumentExactlyTheTypesSlotsAccept() throws IOException {
        Set<DocumentType> documented = documentedNames().stream()
                .map(name -> DocumentType.named(name).orElseThrow(() -> new AssertionError("docs/documents.md names "
                        + name + ", which no DocumentType stands for")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DocumentType.class)));
        assertThat(documented).as("the types docs/documents.md lists").isEqualTo(EnumSet.allOf(DocumentType.class));
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void shouldRecogniseAndReadEveryDocumentedType(DocumentType type) {
        try (InspectedFile file = inspect("file." + type.extensions().get(0), sample(type))) {
            assertThat(file.type()).isEqualTo(type);
            if (type == DocumentType.PDF || type == DocumentType.DOCX) {
                assertThat(file.text()).as("text extracted for search").contains("Giay to so 42");
            }
        }
    }

    @Test
    void shouldStillRefuseLockedPdfAndWordFiles() {
        assertThat(refusal("locked.pdf", TestFiles.encryptedPdf("secret"))).isEqualTo("encrypted");
        assertThat(refusal("locked.docx", TestFiles.encryptedDocx("secret"))).isEqualTo("encrypted");
    }

    @Test
    void shouldShipNoneOfTheLibrariesLeftOut() {
        // The classes the excluded artifacts bring; one coming back (a new Tika, a dependency change)
        // means pom.xml needs its exclusion again.
        for (String left : List.of("com.healthmarketscience.jackcess.Database", "com.pff.PSTFile",
                "org.apache.pdfbox.tools.PDFBox", "picocli.CommandLine", "org.bouncycastle.mail.smime.SMIMESigned")) {
            assertThat(onClassPath(left)).as(left).isFalse();
        }
    }

    @Test
    void shouldKeepWhatPdfBoxNeedsToOpenACertificateEncryptedPdf() {
        // PDFBox's PublicKeySecurityHandler reads the recipients with BouncyCastle's CMS (bcpkix), which the
        // excluded S/MIME library used to bring: without it such an upload would fail instead of being refused.
        assertThat(onClassPath("org.bouncycastle.cms.CMSEnvelopedData")).isTrue();
    }

    private static boolean onClassPath(String className) {
        return DocumentTypesTest.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }

    private static Set<String> documentedNames() throws IOException {
        String documents = Files.readString(Path.of("docs/documents.md"));
        Matcher bullet = TYPES_BULLET.matcher(documents);
        assertThat(bullet.find()).as("docs/documents.md lists the types a slot may name").isTrue();
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(bullet.group(1));
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static byte[] sample(DocumentType type) {
        return switch (type) {
            case PDF -> TestFiles.pdf("Giay to so 42");
            case DOCX -> TestFiles.docx("Giay to so 42");
            case JPEG -> TestFiles.jpeg();
            case PNG -> TestFiles.png();
        };
    }

    private String refusal(String name, byte[] content) {
        RefusedUploadException refused = catchThrowableOfType(RefusedUploadException.class, () -> inspect(name, content));
        assertThat(refused).as(name + " refused").isNotNull();
        return refused.violation().code();
    }

    private InspectedFile inspect(String name, byte[] content) {
        return inspector.inspect(new Upload("applicationForm", name, new ByteArrayResource(content)), ANY);
    }
}
