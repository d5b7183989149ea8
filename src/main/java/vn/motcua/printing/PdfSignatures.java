package vn.motcua.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Hashtable;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Service;

import vn.motcua.MotcuaProperties;
import vn.motcua.printing.SigningKeys.SigningKey;

/**
 * PAdES signatures (ETSI.CAdES.detached, baseline B-B) on the PDFs the agency returns electronically, with
 * the issuing unit's key or the agency's ({@link SigningProperties}). The signature is an incremental
 * update: the signed file starts with the unsigned document byte for byte, so what was approved is
 * provably what was signed.
 */
@Service
public class PdfSignatures {

    // Room for a 4096-bit RSA signature with a chain of a few certificates.
    private static final int SIGNATURE_SIZE = 32 * 1024;

    private final SigningKeys keys;
    private final SigningProperties settings;

    PdfSignatures(SigningProperties settings, MotcuaProperties motcua) {
        this.settings = settings;
        this.keys = SigningKeys.load(settings, motcua.agency());
    }

    /**
     * The PDF signed by the unit ({@code unitCode}; the agency's key when the unit has none) at
     * {@code signedAt}, for {@code reason} (shown by PDF readers beside the signer).
     */
    public byte[] sign(byte[] pdf, String unitCode, String reason, Instant signedAt) {
        SigningKey key = keys.of(unitCode);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(key.signerName());
            signature.setLocation(settings.location());
            signature.setReason(reason);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signedAt.toEpochMilli());
            signature.setSignDate(when);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SIZE);
                document.addSignature(signature, content -> cms(content, key), options);
                ByteArrayOutputStream signed = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
                document.saveIncremental(signed);
                return signed.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sign the document", e);
        }
    }

    /** The detached CMS signature of the signed byte ranges. */
    private static byte[] cms(InputStream content, SigningKey key) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            String algorithm = "EC".equals(key.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            JcaSignerInfoGeneratorBuilder signer = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            signer.setSignedAttributeGenerator(padesAttributes(key));
            generator.addSignerInfoGenerator(signer.build(new JcaContentSignerBuilder(algorithm).build(key.key()),
                    key.certificate()));
            generator.addCertificates(new JcaCertStore(key.chain()));
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("Cannot make the CMS signature", e);
        }
    }

    /**
     * PAdES baseline: the signer's certificate bound by its hash (signing-certificate-v2), and no CMS signing
     * time, the signature dictionary's M entry holding the time instead.
     */
    private static DefaultSignedAttributeTableGenerator padesAttributes(SigningKey key) throws GeneralSecurityException {
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certificateHash)}))));
        return new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)) {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            protected Hashtable createStandardAttributeTable(Map parameters) {
                Hashtable standard = super.createStandardAttributeTable(parameters);
                standard.remove(CMSAttributes.signingTime);
                return standard;
            }
        };
    }
}
