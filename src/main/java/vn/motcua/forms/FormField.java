package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A data-bound component of a Camunda Form, as read from its schema.
 *
 * @param key the value path: the component's key, prefixed with the paths of enclosing groups
 *        ("address.street"); for a dynamic list, its path
 * @param type the form-js type (textfield, number, radio, ..., dynamiclist, expression)
 * @param readonlyExpression the FEEL expression (with its leading "=") when readonly is computed;
 *        {@code readonly} is then false
 * @param options the static options ({@code values}); empty when there are none or they are dynamic
 * @param dynamicOptions options come from {@code valuesKey} or {@code valuesExpression}, so any value
 *        is accepted
 * @param hideWhen the {@code conditional.hide} expressions of the component and of its enclosing
 *        containers (each with its leading "="); the field is hidden when any is true
 * @param defaultValue as in the schema, for callers; validation does not apply it
 * @param decimalDigits a number field's {@code decimalDigits} (0: a whole number, which must arrive as
 *        a JSON integer, so that its process variable stays a Long); null when the schema sets none
 * @param subtype a datetime field's {@code subtype} (date, time, datetime); null for other fields
 */
public record FormField(
        String key,
        String type,
        String label,
        boolean readonly,
        String readonlyExpression,
        boolean disabled,
        Validation validate,
        List<Option> options,
        boolean dynamicOptions,
        List<String> hideWhen,
        Object defaultValue,
        Integer decimalDigits,
        String subtype) {

    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        validate = validate == null ? Validation.NONE : validate;
        options = options == null ? List.of() : List.copyOf(options);
        hideWhen = hideWhen == null ? List.of() : List.copyOf(hideWhen);
    }

    /**
     * The {@code validate} block of a component.
     *
     * @param pattern a regular expression, searched in the value as form-js does ({@code RegExp.test})
     * @param validationType "email", "phone", "custom" or null
     */
    public record Validation(boolean required, Limit minLength, Limit maxLength, Limit min, Limit max,
            String pattern, String validationType) {

        public static final Validation NONE = new Validation(false, null, null, null, null, null, null);
    }

    /** A limit written as a number, or as a FEEL expression (with its leading "=") worked out from the values. */
    public record Limit(BigDecimal value, String expression) {

        public Limit {
            if ((value == null) == (expression == null)) {
                throw new IllegalArgumentException("A limit is either a number or an expression");
            }
        }

        public static Limit of(BigDecimal value) {
            return new Limit(value, null);
        }

        public static Limit of(String expression) {
            return new Limit(null, expression);
        }
    }

    /** A static option; its value is kept as text, which is how submitted values are compared with it. */
    public record Option(String label, String value) {
    }
}
