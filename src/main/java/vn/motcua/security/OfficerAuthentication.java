package vn.motcua.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import vn.motcua.web.DatabaseOutage;

/**
 * Officers log in with the engine's users: the same password Camunda's own webapp login checks
 * (with the engine's lock-out after repeated failures), the engine's groups as authorities
 * ({@code GROUP_reception:<unit>}, ...).
 */
@Component
class OfficerAuthentication implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";
    /** Longer values are refused before the engine hashes anything. */
    private static final int MAX_LENGTH = 128;

    private final IdentityService identity;

    OfficerAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (user == null || user.isBlank() || user.length() > MAX_LENGTH || password.length() > MAX_LENGTH) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities;
        try {
            if (!identity.checkPassword(user, password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            authorities = authorities(user);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                // Nobody can be logged in without the identity tables: 503 (ProblemResponses), not 500.
                throw new DatabaseUnavailable(e);
            }
            throw e;
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                authorities);
        result.setDetails(authentication.getDetails());
        return result;
    }

    List<GrantedAuthority> authorities(String user) {
        return identity.createGroupQuery().groupMember(user).unlimitedList().stream()
                .map(Group::getId)
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + group))
                .toList();
    }

    /** The identity service could not be asked: the database is out of reach. */
    static final class DatabaseUnavailable extends InternalAuthenticationServiceException {
        DatabaseUnavailable(Throwable cause) {
            super("database unavailable", cause);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
