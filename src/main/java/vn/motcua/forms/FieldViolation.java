package vn.motcua.forms;

/**
 * One broken rule: the field's key (a dotted path for fields inside a group with a path), a stable
 * code for clients and a short message in Vietnamese, then English after " / ".
 *
 * <p>Codes: required, type, minLength, maxLength, min, max, pattern, email, phone, option,
 * unknownField, readonly.
 */
public record FieldViolation(String field, String code, String message) {
}
