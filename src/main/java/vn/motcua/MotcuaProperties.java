package vn.motcua;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by the capabilities.
 *
 * @param zone              the agency's zone: dossier codes and receipt dates use its local date
 * @param supplementTimeout how long an applicant has to answer a supplement request
 * @param agency            the agency's name, as officers read it on the login page
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(ZoneId zone, Duration supplementTimeout, String agency) {

    public MotcuaProperties {
        if (zone == null) {
            zone = ZoneId.of("Asia/Ho_Chi_Minh");
        }
        if (supplementTimeout == null) {
            supplementTimeout = Duration.ofDays(30);
        }
    }
}
