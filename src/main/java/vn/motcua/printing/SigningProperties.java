package vn.motcua.printing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys electronic results and fee receipts are signed with (docs/operations.md, "Signing keys").
 *
 * @param keystore    the PKCS#12 keystore holding the keys and their certificate chains
 * @param password    its password, which is also every key's password (from the environment)
 * @param agencyAlias the agency's key, used for every unit that has no key of its own; a unit's own key is
 *                    the entry named by its code in lower case ({@code 000.00.01.h01})
 * @param selfSigned  without a keystore, make a self-signed agency key at start (demo and tests only:
 *                    nobody outside trusts it)
 * @param location    the place named in every signature
 */
@ConfigurationProperties("motcua.signing")
public record SigningProperties(Path keystore, String password, String agencyAlias, boolean selfSigned,
        String location) {

    public SigningProperties {
        if (keystore != null && keystore.toString().isBlank()) {
            keystore = null;
        }
        if (agencyAlias == null || agencyAlias.isBlank()) {
            agencyAlias = "agency";
        }
        if (location == null || location.isBlank()) {
            location = "Việt Nam";
        }
    }
}
