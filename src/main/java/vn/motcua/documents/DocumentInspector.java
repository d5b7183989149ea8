package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.openxml4j.util.ZipSecureFile;
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
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.xml.sax.SAXException;

import vn.motcua.digest.Digests;

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
    /** Characters of a file name kept (the column holds 255). */
    static final int MAX_NAME = 255;
    /**
     * Largest part of a DOCX once inflated. A 1 MB upload can inflate a thousandfold: the zip
     * limits below refuse such a part while it is read, and the text is streamed (SAX), not built
     * as a document in memory. Tika still buffers one text run whole, so this limit is what bounds
     * the memory a bomb costs (16 MB of XML is a document of thousands of pages; images, the largest
     * parts of real files, barely compress and stay within the upload's own limit).
     */
    static final long MAX_INFLATED_ENTRY = 16L * 1024 * 1024;
    /** All parts of a DOCX together, once inflated. */
    static final long MAX_INFLATED_TOTAL = 64L * 1024 * 1024;
    /** Inflated size / compressed size below which an entry is taken for a zip bomb (POI's default, 1%). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Pixels an image may have: decoding a 65,000 x 65,000 JPEG would take 16 GB. */
    static final long MAX_PIXELS = 100_000_000L;

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");

    private final Detector detector;
    private final Parser parser;
    private final int textLimit;
    private final Path spoolDirectory;
    private final UploadRefusals refusals;

    /** @param spoolDirectory where uploads are received before they are checked (the system's temp directory) */
    DocumentInspector(int textLimit, Path spoolDirectory, UploadRefusals refusals) {
        this.refusals = refusals;
        // POI reads every OOXML container through ZipSecureFile: these limits are the JVM's, for
        // every part that opens Office files.
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED_ENTRY);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
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
        boolean inspected = false;
        try {
            Received received = receive(upload, name, rule, spool);
            if (received.size() == 0) {
                throw refusals.refused(upload, name, "empty");
            }
            DocumentType type = detect(upload, name, rule, spool);
            String text = extractText(upload, name, type, spool);
            InspectedFile file = new InspectedFile(upload.slot(), name, type, received.size(), received.sha256(), text,
                    spool);
            inspected = true;
            return file;
        } finally {
            // Whatever ended the inspection (a refusal, an I/O error, an Error such as OutOfMemoryError),
            // the spool of a file that did not pass goes with it.
            if (!inspected) {
                deleteQuietly(spool);
            }
        }
    }

    private record Received(long size, String sha256) {
    }

    private Received receive(Upload upload, String name, UploadRule rule, Path spool) {
        long limit = rule.maxSize().toBytes();
        long size = 0;
        MessageDigest sha256 = Digests.sha256();
        try (InputStream in = upload.content().getInputStream(); OutputStream out = Files.newOutputStream(spool)) {
            byte[] buffer = new byte[BUFFER];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                size += read;
                if (size > limit) {
                    throw refusals.refused(upload, name, "tooLarge", megabytes(limit));
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive " + name, e);
        }
        return new Received(size, Digests.hex(sha256.digest()));
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
            throw refusals.refused(upload, name, "executable", mediaType);
        }
        DocumentType type = DocumentType.ofMediaType(mediaType).orElseThrow(() -> new RefusedUploadException(
                refusals.violation(upload.slot(), name, "type", "unknownType", mediaType, rule.typeNames())));
        if (!rule.types().contains(type)) {
            throw refusals.refused(upload, name, "type", rule.typeNames(), type);
        }
        String extension = extension(name);
        if (!type.extensions().contains(extension)) {
            throw refusals.refused(upload, name, "extension", type, extension, type.extensions().get(0));
        }
        return type;
    }

    private String extractText(Upload upload, String name, DocumentType type, Path spool) {
        if (type == DocumentType.JPEG || type == DocumentType.PNG) {
            checkImage(upload, name, type, spool);
            return "";
        }
        if (type == DocumentType.DOCX) {
            checkInflatedSize(upload, name, spool);
        }
        StringWriter text = new StringWriter();
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        // A page that does not parse makes the whole file malformed, instead of a warning in the metadata.
        pdf.setCatchIntermediateIOExceptions(false);
        context.set(PDFParserConfig.class, pdf);
        OfficeParserConfig office = new OfficeParserConfig();
        // Streams word/document.xml instead of building it in memory (XWPF's DOM of a 100 MB part
        // would need gigabytes); Tika's SecureContentHandler then stops a part whose text is out of
        // proportion to the file (more than 100 characters per byte past 1,000,000 characters).
        office.setUseSAXDocxExtractor(true);
        office.setIncludeHeadersAndFooters(true);
        context.set(OfficeParserConfig.class, office);
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
        if (type == DocumentType.PDF) {
            checkPdf(upload, name, spool);
        }
        return text.toString().strip();
    }

    /**
     * What parsing lets through: a PDF cut short (PDFBox repairs it), and PDFs that carry active
     * content (JavaScript, launch actions) or other files (embedded files, file attachments). Our
     * policy refuses both kinds rather than storing them for an officer to open: a scanned or
     * printed document never needs them, and "print to PDF" gives the applicant a clean copy.
     */
    private void checkPdf(Upload upload, String name, Path spool) {
        boolean active;
        try {
            if (!endsLikeAPdf(spool)) {
                throw malformed(upload, name, DocumentType.PDF);
            }
            try (PDDocument document = Loader.loadPDF(spool.toFile())) {
                active = hasActiveContent(document);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedUploadException refusal) {
                throw refusal;
            }
            throw malformed(upload, name, DocumentType.PDF);
        }
        if (active) {
            throw refusals.refused(upload, name, "activeContent");
        }
    }

    /** Any object of the file, or a dictionary held directly in one, that is a script, a launch or a file. */
    static boolean hasActiveContent(PDDocument document) throws IOException {
        COSDocument file = document.getDocument();
        if (isActive(document.getDocumentCatalog().getCOSObject(), 0) || isActive(file.getTrailer(), 0)) {
            return true;
        }
        for (COSObjectKey key : List.copyOf(file.getXrefTable().keySet())) {
            if (isActive(file.getObjectFromPool(key).getObject(), 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isActive(COSBase object, int depth) {
        if (depth > 16) {
            return false;
        }
        if (object instanceof COSArray array) {
            for (COSBase item : array) {
                if (!(item instanceof COSObject) && isActive(item, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        if (!(object instanceof COSDictionary dictionary)) {
            return false;
        }
        COSName action = dictionary.getCOSName(COSName.S);
        COSName kind = dictionary.getCOSName(COSName.TYPE);
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (dictionary.containsKey(COSName.JS) || COSName.JAVA_SCRIPT.equals(action) || LAUNCH.equals(action)
                || dictionary.containsKey(COSName.EMBEDDED_FILES) || COSName.EMBEDDED_FILE.equals(kind)
                || FILE_ATTACHMENT.equals(subtype)) {
            return true;
        }
        for (COSBase value : dictionary.getValues()) {
            if (!(value instanceof COSObject) && isActive(value, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Images carry no text to extract; decoding every pixel row proves the content is the image it
     * claims, whole: a cut-off JPEG decodes with only a warning ("premature end"), which refuses it
     * here. Rows are decoded with subsampling, so memory stays small whatever the image's size.
     */
    private void checkImage(Upload upload, String name, DocumentType type, Path spool) {
        try (ImageInputStream in = ImageIO.createImageInputStream(spool.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw malformed(upload, name, type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    throw malformed(upload, name, type);
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / 256);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                if (!warnings.isEmpty()) {
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

    /**
     * Inflates every part of a DOCX once, keeping nothing, before anything parses it: the sizes a zip
     * declares can lie, and Tika buffers a whole text run in memory (a 300 MB run of one letter is a
     * 300 KB file). A part above {@link #MAX_INFLATED_ENTRY}, or parts above
     * {@link #MAX_INFLATED_TOTAL} together, refuse the file.
     */
    private void checkInflatedSize(Upload upload, String name, Path spool) {
        try (ZipFile zip = new ZipFile(spool.toFile())) {
            long total = 0;
            byte[] buffer = new byte[BUFFER];
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                long size = 0;
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                        size += read;
                        total += read;
                        if (size > MAX_INFLATED_ENTRY || total > MAX_INFLATED_TOTAL) {
                            throw malformed(upload, name, DocumentType.DOCX);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedUploadException refusal) {
                throw refusal;
            }
            throw malformed(upload, name, DocumentType.DOCX);
        }
    }

    /**
     * A PDF ends with {@code %%EOF}, after which only blank space or comments may follow: a PDF
     * cut short has lost it (or, if it was linearized or updated, has objects after the last one).
     * PDFBox repairs such files silently, so their missing end goes unnoticed by parsing alone.
     */
    static boolean endsLikeAPdf(Path pdf) throws IOException {
        byte[] marker = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean ended = false;
        boolean comment = false;
        int matched = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(pdf), BUFFER)) {
            for (int b = in.read(); b != -1; b = in.read()) {
                matched = b == marker[matched] ? matched + 1 : b == '%' ? (matched == 2 ? 2 : 1) : 0;
                if (matched == marker.length) {
                    ended = true;
                    comment = false;
                    matched = 0;
                    continue;
                }
                if (b == '\r' || b == '\n') {
                    comment = false;
                } else if (b == '%') {
                    comment = true;
                } else if (ended && !comment && b != ' ' && b != '\t' && b != '\f' && b != 0) {
                    ended = false;
                }
            }
        }
        return ended;
    }

    private RefusedUploadException malformed(Upload upload, String name, DocumentType type) {
        return refusals.refused(upload, name, "malformed", type);
    }

    private RefusedUploadException encrypted(Upload upload, String name) {
        return refusals.refused(upload, name, "encrypted");
    }

    /**
     * Browsers on Windows may send a full path; only the last part names the file. Control and
     * format characters (NUL, U+202E RIGHT-TO-LEFT OVERRIDE, zero-width marks...) are dropped: they
     * only serve to make a name read as something it is not ("anh\u202Egpj.exe"). A name longer
     * than {@link #MAX_NAME} characters is shortened in the middle, keeping its extension.
     */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder visible = new StringBuilder(Math.min(name.length(), 4 * MAX_NAME));
        name.codePoints()
                .filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
                .forEach(visible::appendCodePoint);
        name = visible.toString().strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            String extension = extension(name);
            String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
            String stem = name.substring(0, name.length() - suffix.length());
            int keep = MAX_NAME - suffix.length() - 1;
            name = stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + "…" + suffix;
        }
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

    private static void deleteQuietly(Path spool) {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException | RuntimeException e) {
            // Never hides the reason the inspection ended; the next start sweeps what is left (SpoolDirectory).
        }
    }
}
