package vn.motcua.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * Who an OIDC login makes: through the officers' registration an officer with engine groups (from a
 * token claim or the identity service), so the path rules, {@link UnitAccess} and the engine's
 * authorizations apply unchanged; through the citizens' registration a citizen known only by the
 * identity number the provider vouches for, with no officer rights at all. Any other registration
 * logs nobody in.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The one authority of a citizen's login; officers' authorities are {@code GROUP_<group>}. */
    static final String CITIZEN = "CITIZEN";
    // The engine's own whitelist for user and group ids (application.yaml): nothing else reaches the engine.
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9:._-]{1,128}");
    /** CCCD (12 digits) or the older CMND (9 digits). */
    private static final Pattern IDENTITY_NUMBER = Pattern.compile("[0-9]{9}|[0-9]{12}");

    private final OidcUserService provider = new OidcUserService();
    private final SecurityProperties.Oidc oidc;
    private final IdentityService identity;

    OidcUsers(SecurityProperties.Oidc oidc, IdentityService identity) {
        this.oidc = oidc;
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String registration = request.getClientRegistration().getRegistrationId();
        if (oidc.forOfficers() && registration.equals(oidc.officers())) {
            return officer(user, nameClaim(request));
        }
        if (oidc.forCitizens() && registration.equals(oidc.citizens())) {
            return citizen(user);
        }
        throw refused("unknown_registration", "No one logs in through " + registration);
    }

    private OidcUser officer(OidcUser user, String nameClaim) {
        String id = user.getClaimAsString(nameClaim);
        if (id == null || !USER_ID.matcher(id).matches()) {
            throw refused("invalid_user", "The provider's user name does not fit the engine's user ids");
        }
        boolean claimed = StringUtils.hasText(oidc.groupsClaim());
        List<String> groups = claimed ? claimedGroups(user).stream().filter(group -> GROUP_ID.matcher(group).matches()).toList()
                : identity.createGroupQuery().groupMember(id).unlimitedList().stream().map(Group::getId).toList();
        if (!identity.isReadOnly()) {
            provision(id, user, claimed ? groups : null);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(OfficerAuthentication.GROUP_PREFIX + group)));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    /**
     * The provider's officer becomes (or stays) an engine user, with the token's name and e-mail and,
     * when groups come from the token, exactly the token's memberships of existing groups: Camunda's
     * webapps log in only users the identity service knows, and deadline e-mails and reassignments
     * find officers through their memberships. Without a password, so only the provider logs them in.
     */
    private void provision(String id, OidcUser token, List<String> groups) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        user.setFirstName(token.getGivenName());
        user.setLastName(token.getFamilyName());
        user.setEmail(token.getEmail());
        identity.saveUser(user);
        if (groups == null) {
            return;
        }
        List<String> current = identity.createGroupQuery().groupMember(id).unlimitedList().stream().map(Group::getId).toList();
        List<String> existing = groups.isEmpty() ? List.of()
                : identity.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).unlimitedList().stream().map(Group::getId).toList();
        existing.stream().filter(group -> !current.contains(group)).forEach(group -> identity.createMembership(id, group));
        current.stream().filter(group -> !groups.contains(group)).forEach(group -> identity.deleteMembership(id, group));
    }

    private List<String> claimedGroups(OidcUser user) {
        Object claim = user.getClaims().get(oidc.groupsClaim());
        if (claim == null) {
            return List.of();
        }
        List<String> groups = user.getClaimAsStringList(oidc.groupsClaim());
        // Keycloak's group mapper may send full paths ("/reception:000.00.01.H01").
        return groups == null ? List.of() : groups.stream().map(group -> group.startsWith("/") ? group.substring(1) : group).toList();
    }

    private OidcUser citizen(OidcUser user) {
        String number = user.getClaimAsString(oidc.identityNumberClaim());
        if (number == null || !IDENTITY_NUMBER.matcher(number).matches()) {
            throw refused("invalid_identity_number", "The provider sent no identity number in " + oidc.identityNumberClaim());
        }
        return new DefaultOidcUser(List.of(new SimpleGrantedAuthority(CITIZEN)), user.getIdToken(), user.getUserInfo(),
                oidc.identityNumberClaim());
    }

    private static String nameClaim(OidcUserRequest request) {
        String configured = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                .getUserNameAttributeName();
        return StringUtils.hasText(configured) ? configured : IdTokenClaimNames.SUB;
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
