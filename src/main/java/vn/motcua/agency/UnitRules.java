package vn.motcua.agency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.motcua.agency.AgencyRequestException.Violation;
import vn.motcua.security.UnitAccess;
import vn.motcua.unit.Unit;
import vn.motcua.unit.UnitLevel;

/** What a unit's values must be, for the API, the page and each line of an import alike. */
@Component
class UnitRules {

    private static final Pattern CODE = Pattern.compile(UnitAccess.UNIT_CODE);
    private static final Pattern OFFICE_HOURS = Pattern.compile(
            "([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9](,([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9])*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AgencyTexts texts;

    UnitRules(AgencyTexts texts) {
        this.texts = texts;
    }

    /**
     * The broken rules of {@code form}, for the unit {@code code} (the form's own code when creating).
     *
     * @param units the units known at that point (the table, plus the lines of an import above this one)
     */
    List<Violation> check(String code, UnitForm form, Function<String, Unit> units, Integer line) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(texts.violation(line, "code", "code"));
        }
        if (form.name() == null || form.name().length() > 200) {
            violations.add(texts.violation(line, "name", "name"));
        }
        UnitLevel level = level(form.level());
        if (level == null) {
            violations.add(texts.violation(line, "level", "level"));
        }
        if (form.parentCode() != null) {
            Unit parent = units.apply(form.parentCode());
            if (parent == null) {
                violations.add(texts.violation(line, "parentCode", "parentUnknown", form.parentCode()));
            } else if (level != null && parent.level().ordinal() < level.ordinal()) {
                violations.add(texts.violation(line, "parentCode", "parentLevel", parent.code(), parent.level()));
            } else if (isBelow(parent, code, units)) {
                violations.add(texts.violation(line, "parentCode", "parentCycle"));
            }
        }
        if (form.officeHours() != null && !OFFICE_HOURS.matcher(form.officeHours()).matches()) {
            violations.add(texts.violation(line, "officeHours", "officeHours"));
        }
        if (form.email() != null && (form.email().length() > 200 || !EMAIL.matcher(form.email()).matches())) {
            violations.add(texts.violation(line, "email", "email"));
        }
        length(violations, line, "address", form.address(), 300);
        length(violations, line, "phone", form.phone(), 32);
        length(violations, line, "letterheadSuperior", form.letterheadSuperior(), 200);
        length(violations, line, "letterheadPlace", form.letterheadPlace(), 100);
        length(violations, line, "payeeAccount", form.payeeAccount(), 64);
        return violations;
    }

    static UnitLevel level(String value) {
        for (UnitLevel level : UnitLevel.values()) {
            if (level.name().equalsIgnoreCase(value)) {
                return level;
            }
        }
        return null;
    }

    /** The parent is the unit itself or one of its descendants (walking up from the parent meets it). */
    private static boolean isBelow(Unit parent, String code, Function<String, Unit> units) {
        Set<String> seen = new HashSet<>();
        for (Unit at = parent; at != null && seen.add(at.code()); at = at.parentCode() == null ? null : units.apply(at.parentCode())) {
            if (at.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private void length(List<Violation> violations, Integer line, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(texts.violation(line, field, "length", max));
        }
    }
}
