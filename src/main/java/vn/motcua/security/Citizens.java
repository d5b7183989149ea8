package vn.motcua.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The citizen of this request, when one logged in through the citizens' OIDC provider: known only by
 * the identity number the provider vouches for (docs/security.md).
 */
@Component
public class Citizens {

    /** The logged-in citizen's identity number; empty for officers and anonymous requests. */
    public Optional<String> currentIdentityNumber() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return isCitizen(authentication) ? Optional.of(authentication.getName()) : Optional.empty();
    }

    static boolean isCitizen(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(authority -> OidcUsers.CITIZEN.equals(authority.getAuthority()));
    }
}
