package vn.motcua.security;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Guards everything under {@code /api/dossiers/{code}/} (and the {@code dossier} parameter of other
 * queries) by the unit that the dossier code itself names, {@code <unit>-<yymmdd>-<n>}, so that a
 * capability's new endpoint under that prefix is covered without code of its own and without a
 * read that would tell whether a code exists. Reading needs an officer of the unit or its
 * supervisor, or of the unit that decides the dossier when it travels ({@link DecidingUnits}: asked only
 * when the code's unit is not the reader's, and an unknown code is refused like another unit's);
 * anything else an officer of the unit (the receiving desk).
 */
final class DossierCodeAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final Pattern CODE = Pattern.compile("(" + UnitAccess.UNIT_CODE + ")-[0-9]{6}-[0-9]{4,6}");

    private final String parameter;
    private final ObjectProvider<DecidingUnits> decidingUnits;

    private DossierCodeAccess(String parameter, ObjectProvider<DecidingUnits> decidingUnits) {
        this.parameter = parameter;
        this.decidingUnits = decidingUnits;
    }

    /** The code is the path variable {@code code}. */
    static DossierCodeAccess ofPath(ObjectProvider<DecidingUnits> decidingUnits) {
        return new DossierCodeAccess(null, decidingUnits);
    }

    /** The code is the request parameter of this name. */
    static DossierCodeAccess ofParameter(String name, ObjectProvider<DecidingUnits> decidingUnits) {
        return new DossierCodeAccess(name, decidingUnits);
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return UnitAccess.officerOf(authentication.get())
                .map(officer -> new AuthorizationDecision(allowed(officer, context)))
                .orElseGet(() -> new AuthorizationDecision(false));
    }

    private boolean allowed(Officer officer, RequestAuthorizationContext context) {
        String code = parameter == null ? context.getVariables().get("code")
                : context.getRequest().getParameter(parameter);
        var matcher = CODE.matcher(code == null ? "" : code);
        if (!matcher.matches()) {
            // Not a dossier code at all: the endpoint itself answers 400 to any officer.
            return !officer.groups().isEmpty();
        }
        String unit = matcher.group(1);
        boolean read = HttpMethod.GET.matches(context.getRequest().getMethod())
                || HttpMethod.HEAD.matches(context.getRequest().getMethod());
        if (!read) {
            return officer.worksIn(unit);
        }
        return officer.canRead(unit) || decidingUnits.orderedStream()
                .anyMatch(units -> units.decidingUnitOf(code).filter(officer::canRead).isPresent());
    }

    static String unitOf(String code) {
        var matcher = CODE.matcher(code == null ? "" : code);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
