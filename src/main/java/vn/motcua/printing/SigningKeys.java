package vn.motcua.printing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys: a unit's own entry of the operator's PKCS#12 keystore when it has one, the agency's
 * otherwise. Read once at start, so a missing or unreadable keystore stops the application instead of the
 * first result it would have to sign.
 */
final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    /** A private key with its certificate chain, signer's certificate first. */
    record SigningKey(PrivateKey key, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }

        /** The certificate's common name (its whole subject when it has none), as readers show the signer. */
        String signerName() {
            X500Name subject = X500Name.getInstance(certificate().getSubjectX500Principal().getEncoded());
            RDN[] names = subject.getRDNs(BCStyle.CN);
            return names.length == 0 ? subject.toString() : IETFUtils.valueToString(names[0].getFirst().getValue());
        }
    }

    private final KeyStore store;
    private final char[] password;
    private final String agencyAlias;

    private SigningKeys(KeyStore store, char[] password, String agencyAlias) {
        this.store = store;
        this.password = password;
        this.agencyAlias = agencyAlias;
    }

    static SigningKeys load(SigningProperties settings, String agencyName) {
        try {
            if (settings.keystore() != null) {
                char[] password = settings.password() == null ? new char[0] : settings.password().toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(settings.keystore())) {
                    store.load(in, password);
                }
                SigningKeys keys = new SigningKeys(store, password, settings.agencyAlias());
                keys.entry(settings.agencyAlias()).orElseThrow(() -> new IllegalStateException("The keystore "
                        + settings.keystore() + " has no private key named " + settings.agencyAlias()
                        + " (motcua.signing.agency-alias), the key of every unit without its own"));
                return keys;
            }
            if (!settings.selfSigned()) {
                throw new IllegalStateException("motcua.signing.keystore is not set: electronic results and fee receipts"
                        + " must be signed with the agency's key (docs/operations.md, \"Signing keys\"); a demo may set"
                        + " motcua.signing.self-signed=true instead");
            }
            LOG.warn("No signing keystore configured: signing with a self-signed key made at start (demo only)");
            return selfSigned(settings.agencyAlias(), agencyName);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing keystore " + settings.keystore(), e);
        }
    }

    /** The key of the unit, or the agency's. */
    SigningKey of(String unitCode) {
        return Optional.ofNullable(unitCode).flatMap(code -> entry(code.toLowerCase(Locale.ROOT)))
                .or(() -> entry(agencyAlias))
                .orElseThrow(() -> new IllegalStateException("No signing key " + agencyAlias));
    }

    private Optional<SigningKey> entry(String alias) {
        try {
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (key == null || chain == null || chain.length == 0) {
                return Optional.empty();
            }
            return Optional.of(new SigningKey(key, Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing key " + alias, e);
        }
    }

    private static SigningKeys selfSigned(String alias, String agencyName) throws GeneralSecurityException, IOException {
        SigningKey key = selfSignedKey(agencyName + " (demo)", agencyName);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry(alias, key.key(), password, key.chain().toArray(Certificate[]::new));
        return new SigningKeys(store, password, alias);
    }

    /** A new RSA key with a self-signed certificate for digital signatures, named {@code commonName}. */
    static SigningKey selfSignedKey(String commonName, String organisation) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
        Instant now = Instant.now();
        try {
            // Valid from long ago: tests sign at dates of their own choosing (the engine clock).
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(Instant.parse("2000-01-01T00:00:00Z")),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), List.of(certificate));
        } catch (OperatorCreationException | CertIOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
