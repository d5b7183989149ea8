package vn.motcua.portal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the portal.
 *
 * @param publicUrl  where applicants reach the portal: the QR code on a receipt opens its tracking page there
 * @param perClient  tracking attempts one client address may make
 * @param perDossier failed tracking attempts one client address may make on one dossier code (others are not affected)
 */
@ConfigurationProperties("motcua.portal")
record PortalProperties(URI publicUrl, Limit perClient, Limit perDossier) {

    PortalProperties {
        if (publicUrl == null) {
            publicUrl = URI.create("http://localhost:8080");
        }
        if (perClient == null) {
            perClient = new Limit(30, Duration.ofMinutes(1));
        }
        if (perDossier == null) {
            perDossier = new Limit(10, Duration.ofMinutes(15));
        }
    }

    /** Up to {@code attempts} in any window of {@code per}, refilled gradually. */
    record Limit(int attempts, Duration per) {
    }

    /** The tracking page of a dossier, as printed in the QR code (the secret rides in the fragment). */
    /** The tracking page for a dossier, its code filled in; the applicant types the secret. */
    String trackingLink(String code) {
        return publicUrl.toString().replaceAll("/+$", "") + "/tra-cuu?ma=" + code;
    }

    String trackingLink(String code, String secret) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + "/tra-cuu?ma=" + code + "#k=" + secret;
    }
}
