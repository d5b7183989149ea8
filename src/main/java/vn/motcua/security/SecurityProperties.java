package vn.motcua.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize            the largest request body other than a multipart upload
 * @param idempotencyKeyLifetime how long a submission's {@code Idempotency-Key} is remembered
 * @param oidc                   logins through OIDC providers, off unless a registration is named
 * @param maxEngineUploadSize    the largest multipart body of the engine REST API and Camunda's webapps
 *                               (deployments), which they read into memory
 */
@ConfigurationProperties("motcua.security")
record SecurityProperties(DataSize maxBodySize, Duration idempotencyKeyLifetime, Oidc oidc,
        DataSize maxEngineUploadSize) {

    SecurityProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (idempotencyKeyLifetime == null) {
            idempotencyKeyLifetime = Duration.ofHours(24);
        }
        if (oidc == null) {
            oidc = new Oidc(null, null, null, null);
        }
        if (maxEngineUploadSize == null) {
            maxEngineUploadSize = DataSize.ofMegabytes(10);
        }
    }

    /**
     * @param officers            the {@code spring.security.oauth2.client.registration} id officers log in with
     * @param citizens            the registration id citizens log in with
     * @param groupsClaim         the officers' token claim that lists their engine groups; unset: the groups
     *                            of the engine's identity service for the user
     * @param identityNumberClaim the citizens' token claim holding the identity number they give on dossiers
     */
    record Oidc(String officers, String citizens, String groupsClaim, String identityNumberClaim) {

        Oidc {
            if (!StringUtils.hasText(identityNumberClaim)) {
                identityNumberClaim = "identity_number";
            }
        }

        boolean forOfficers() {
            return StringUtils.hasText(officers);
        }

        boolean forCitizens() {
            return StringUtils.hasText(citizens);
        }
    }
}
