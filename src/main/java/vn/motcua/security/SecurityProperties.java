package vn.motcua.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize            the largest request body other than a multipart upload
 * @param idempotencyKeyLifetime how long a submission's {@code Idempotency-Key} is remembered
 */
@ConfigurationProperties("motcua.security")
record SecurityProperties(DataSize maxBodySize, Duration idempotencyKeyLifetime) {

    SecurityProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (idempotencyKeyLifetime == null) {
            idempotencyKeyLifetime = Duration.ofHours(24);
        }
    }
}
