package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks a signed PDF the way a relying party would: PDFBox and BouncyCastle verify the one CMS signature
 * over its byte ranges (always), and poppler's {@code pdfsig} when it is installed ({@code apt-get install
 * poppler-utils}); both must find the signature valid and covering the whole file.
 */
public final class SignedPdfs {

    /** What was found: the signer's common name and how the file was checked. */
    public record Verified(String signer, String reason, boolean checkedByPdfsig, String pdfsigReport) {
    }

    private SignedPdfs() {
    }

    public static Verified verify(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).as("signatures").hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            int[] range = signature.getByteRange();
            assertThat(range[0]).as("signed from the first byte").isZero();
            assertThat(range[2] + range[3]).as("signed to the last byte").isEqualTo(pdf.length);
            // The only bytes left out are the signature's own hex string, <...>.
            String gap = new String(pdf, range[1], range[2] - range[1], StandardCharsets.ISO_8859_1);
            assertThat(gap).matches("<[0-9A-Fa-f]+>");

            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents());
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates()
                    .getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)))
                    .as("CMS signature over the byte ranges").isTrue();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .as("PAdES signing-certificate-v2 attribute").isNotNull();
            String name = IETFUtils.valueToString(certificate.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue());
            String report = pdfsig(pdf);
            if (report != null) {
                // Kept for review beside the build's other reports.
                Path reports = Files.createDirectories(Path.of("target", "pdfsig"));
                Files.writeString(reports.resolve(name.replaceAll("[^\\p{L}\\p{N}]+", "-") + "-" + pdf.length + ".txt"), report);
            }
            if (report != null) {
                assertThat(report).contains("Signature Validation: Signature is Valid.", "Total document signed",
                        "Signature Type: ETSI.CAdES.detached");
            }
            return new Verified(name, signature.getReason(), report != null, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("The signature does not verify", e);
        }
    }

    /** pdfsig's report on the file, or null when pdfsig is not installed. */
    private static String pdfsig(byte[] pdf) throws IOException, InterruptedException {
        Path tool = Path.of("/usr/bin/pdfsig");
        if (!Files.isExecutable(tool)) {
            return null;
        }
        Path file = Files.createTempFile("motcua-signed-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder(tool.toString(), file.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("pdfsig finished").isTrue();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
