package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

/**
 * Decides whether an upload may join a dossier, from its content alone: the name and the declared
 * content type are what the applicant's machine claims, the bytes are what officers will open.
 * Plain Java, no Spring, so that it is tested on files built in the test.
 */
public final class DocumentInspector {

    private static final int BUFFER = 64 * 1024;
    /** Programs and scripts, under whatever name: named so the refusal says what was found. */
    private static final Set<String> EXECUTABLE_MARKS = Set.of("executable", "msdownload", "dosexec", "sharedlib",
            "mach-o", "x-elf", "x-sh", "x-csh", "x-bat", "msdos-program", "javascript", "x-python", "x-perl",
            "x-php", "x-ruby", "java-vm", "java-archive", "x-ms-shortcut", "vbscript", "x-powershell");
    private static final String OOXML_PROTECTED = "application/x-tika-ooxml-protected";

    private final Detector detector;
    private final Parser parser;
    private final int textLimit;
    private final Path spoolDirectory;

    /** @param spoolDirectory where uploads are received before they are checked (the system's temp directory) */
    public DocumentInspector(int textLimit, Path spoolDirectory) {
        TikaConfig tika = TikaConfig.getDefaultConfig();
        this.detector = tika.getDetector();
        this.parser = new AutoDetectParser(tika);
        this.textLimit = textLimit;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * Reads the upload into a temporary file (never past the rule's limit), then checks it.
     *
     * @throws RefusedUploadException with the reason, after removing everything it wrote
     */
    public InspectedFile inspect(Upload upload, UploadRule rule) {
        String name = baseName(upload.fileName());
        Path spool = spool();
        try {
            Received received = receive(upload, name, rule, spool);
            if (received.size() == 0) {
                throw refused(upload, name, "empty", "tệp rỗng", "the file is empty");
            }
            DocumentType type = detect(upload, name, rule, spool);
            String text = extractText(upload, name, type, spool);
            return new InspectedFile(upload.slot(), name, type, received.size(), received.sha256(), text, spool);
        } catch (RuntimeException e) {
            delete(spool);
            throw e;
        }
    }

    private record Received(long size, String sha256) {
    }

    private Received receive(Upload upload, String name, UploadRule rule, Path spool) {
        long limit = rule.maxSize().toBytes();
        long size = 0;
        MessageDigest sha256 = sha256();
        try (InputStream in = upload.content().getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                size += read;
                if (size > limit) {
                    throw refused(upload, name, "tooLarge", "tệp vượt quá " + megabytes(limit) + " cho phép",
                            "the file exceeds the limit of " + megabytes(limit));
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive " + name, e);
        }
        return new Received(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private DocumentType detect(Upload upload, String name, UploadRule rule, Path spool) {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(spool)) {
            detected = detector.detect(in, new Metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String mediaType = detected.getBaseType().toString();
        if (OOXML_PROTECTED.equals(mediaType)) {
            throw encrypted(upload, name);
        }
        if (EXECUTABLE_MARKS.stream().anyMatch(mediaType::contains)) {
            throw refused(upload, name, "executable", "tệp là chương trình hoặc mã lệnh (" + mediaType
                    + "), không được chấp nhận", "the file is a program or script (" + mediaType + ") and is refused");
        }
        DocumentType type = DocumentType.ofMediaType(mediaType).orElseThrow(() -> refused(upload, name, "type",
                "nội dung tệp (" + mediaType + ") không thuộc loại được chấp nhận: " + rule.typeNames(),
                "the content (" + mediaType + ") is none of the accepted types: " + rule.typeNames()));
        if (!rule.types().contains(type)) {
            throw refused(upload, name, "type", "thành phần này chỉ nhận " + rule.typeNames() + ", không nhận " + type,
                    "this document accepts " + rule.typeNames() + ", not " + type);
        }
        String extension = extension(name);
        if (!type.extensions().contains(extension)) {
            throw refused(upload, name, "extension", "nội dung tệp là " + type + " nhưng tên tệp có đuôi '." + extension
                    + "': hãy đặt tên đuôi ." + type.extensions().get(0), "the content is " + type
                    + " but the name ends in '." + extension + "': name it ." + type.extensions().get(0));
        }
        return type;
    }

    private String extractText(Upload upload, String name, DocumentType type, Path spool) {
        if (type == DocumentType.JPEG || type == DocumentType.PNG) {
            checkImage(upload, name, type, spool);
            return "";
        }
        StringWriter text = new StringWriter();
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        // A page that does not parse makes the whole file malformed, instead of a warning in the metadata.
        pdf.setCatchIntermediateIOExceptions(false);
        context.set(PDFParserConfig.class, pdf);
        // No Parser in the context: files embedded in a PDF or DOCX are not parsed, which keeps what
        // an upload can make the server do to the document itself.
        try (TikaInputStream in = TikaInputStream.get(spool)) {
            parser.parse(in, new BodyContentHandler(new WriteOutContentHandler(new ToTextContentHandler(text),
                    textLimit, false, context)), new Metadata(), context);
        } catch (EncryptedDocumentException e) {
            throw encrypted(upload, name);
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            throw malformed(upload, name, type);
        }
        return text.toString().strip();
    }

    /** Images carry no text to extract; reading the header proves the content is the image it claims. */
    private static void checkImage(Upload upload, String name, DocumentType type, Path spool) {
        try (ImageInputStream in = ImageIO.createImageInputStream(spool.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw malformed(upload, name, type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if (reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw malformed(upload, name, type);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedUploadException refusal) {
                throw refusal;
            }
            throw malformed(upload, name, type);
        }
    }

    private static RefusedUploadException malformed(Upload upload, String name, DocumentType type) {
        return refused(upload, name, "malformed", "tệp bị hỏng hoặc không đọc được như " + type,
                "the file is damaged or cannot be read as " + type);
    }

    private static RefusedUploadException encrypted(Upload upload, String name) {
        return refused(upload, name, "encrypted", "tệp được bảo vệ bằng mật khẩu, hãy gửi bản không đặt mật khẩu",
                "the file is password-protected: send it without a password");
    }

    private static RefusedUploadException refused(Upload upload, String name, String code, String vietnamese,
            String english) {
        return new RefusedUploadException(DocumentViolation.of(upload.slot(), name, code, vietnamese, english));
    }

    /** Browsers on Windows may send a full path; only the last part names the file. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? "unnamed" : name;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private Path spool() {
        try {
            return Files.createTempFile(spoolDirectory, "motcua-upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
