package vn.motcua.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The citizen of this request, when one logged in through the citizens' OIDC provider: known only by
 * the identity number the provider vouches for (docs/security.md).
 */
@Component
public class Citizens {

    private final SecurityProperties properties;

    Citizens(SecurityProperties properties) {
        this.properties = properties;
    }

    /** The logged-in citizen's identity number; empty for officers and anonymous requests. */
    public Optional<String> currentIdentityNumber() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return isCitizen(authentication) ? Optional.of(authentication.getName()) : Optional.empty();
    }

    /**
     * What the provider vouched for about the logged-in citizen, to fill in their forms: the standard
     * OIDC claims {@code name}, {@code phone_number}, {@code email} and {@code address.formatted}
     * (each null when the provider sent none). Empty for officers and anonymous requests.
     */
    public Optional<CitizenProfile> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!isCitizen(authentication) || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return Optional.empty();
        }
        return Optional.of(new CitizenProfile(authentication.getName(), user.getFullName(), user.getPhoneNumber(),
                user.getEmail(), user.getAddress() == null ? null : user.getAddress().getFormatted()));
    }

    /** Where a citizen logs in: the citizens' OIDC registration; empty when none is configured. */
    public Optional<String> loginPath() {
        return properties.oidc().forCitizens() ? Optional.of("/oauth2/authorization/" + properties.oidc().citizens())
                : Optional.empty();
    }

    /** A logged-in citizen as the identity provider describes them. */
    public record CitizenProfile(String identityNumber, String name, String phone, String email, String address) {
    }

    static boolean isCitizen(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(authority -> OidcUsers.CITIZEN.equals(authority.getAuthority()));
    }
}
