package vn.motcua.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.forms.FormField.Limit;
import vn.motcua.forms.FormField.Option;
import vn.motcua.forms.FormField.Validation;

/**
 * Checks values against a {@link FormSchema} the way form-js checks them in the browser, so that
 * what a browser would refuse cannot reach the engine by another road. Thread-safe; create one and
 * share it, since building the FEEL engine is not cheap.
 */
public final class FormValidator {

    /** Who submits the values, which decides how keys outside the form are treated. */
    public enum Mode {
        /** A dossier submission: unknown keys are refused, read-only and disabled fields must not be sent. */
        SUBMISSION,
        /** Tasklist completing a user task: the map holds other process variables too, so unknown keys are ignored. */
        TASK_COMPLETION
    }

    private static final Logger LOG = LoggerFactory.getLogger(FormValidator.class);

    // form-js's own pattern, except that the domain must have a dot: "ten@localhost" is a typo for a citizen.
    private static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+"
            + "@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$");
    // form-js insists on an international number; counters type local ones (0912 345 678, 1900 1234).
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{8,20}$");
    /** {@code ^[0-9]{12}$}, {@code ^\d{9,12}$}: a number of digits, said in words. */
    private static final Pattern DIGITS_ONLY = Pattern.compile("^\\^(?:\\[0-9\\]|\\\\d)\\{(\\d+)(,\\d+)?\\}\\$$");
    private static final int PHONE_MIN_DIGITS = 8;
    private static final int PHONE_MAX_DIGITS = 15;
    private static final int OPTIONS_NAMED = 10;

    private final FeelEngine feel;

    public FormValidator() {
        this(new ScalaFeelEngineFactory().createInstance());
    }

    FormValidator(FeelEngine feel) {
        this.feel = Objects.requireNonNull(feel, "feel");
    }

    /**
     * The rules the values break, in form order, then keys outside the form (SUBMISSION only);
     * empty when the values are acceptable. Fields inside groups with a path are looked up in nested
     * maps ({@code address.street} in {@code {"address": {"street": ...}}}) or under the dotted key.
     */
    public List<FieldViolation> validate(FormSchema form, Map<String, Object> values, Mode mode) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(mode, "mode");
        Map<String, Object> given = values == null ? Map.of() : values;
        Evaluation evaluation = new Evaluation(given);
        List<FieldViolation> violations = new ArrayList<>();
        for (FormField field : form.fields()) {
            // A hidden field is removed from the data by form-js, so its value is neither checked nor refused.
            if (evaluation.hidden(field)) {
                continue;
            }
            Object value = valueAt(given, field.key());
            if (field.disabled() || (mode == Mode.SUBMISSION && evaluation.readonly(field))) {
                if (mode == Mode.SUBMISSION && value != null) {
                    violations.add(violation(field, "readonly",
                            "Trường chỉ đọc, không được gửi / Read-only field, must not be submitted"));
                }
                continue;
            }
            check(field, value, evaluation, violations);
        }
        if (mode == Mode.SUBMISSION) {
            Set<String> keys = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
            refuseUnknown(given, "", keys, violations);
        }
        return List.copyOf(violations);
    }

    private void check(FormField field, Object value, Evaluation evaluation, List<FieldViolation> violations) {
        if (!SchemaReader.INPUT_TYPES.contains(field.type())) {
            return;
        }
        Validation rules = field.validate();
        if (isEmpty(value)) {
            if (rules.required()) {
                violations.add(violation(field, "required", "Trường bắt buộc / This field is required"));
            }
            return;
        }
        switch (field.type()) {
            case "textfield", "textarea", "datetime" -> {
                if (value instanceof String text) {
                    checkText(field, text, evaluation, violations);
                } else {
                    violations.add(violation(field, "type", "Phải là chuỗi ký tự / Must be text"));
                }
            }
            case "number" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    violations.add(violation(field, "type", "Phải là số / Must be a number"));
                } else {
                    int before = violations.size();
                    checkNumber(field, number, evaluation, violations);
                    if (violations.size() == before) {
                        checkNumberType(field, value, number, violations);
                    }
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean checked)) {
                    violations.add(violation(field, "type", "Phải là đúng hoặc sai / Must be true or false"));
                } else if (rules.required() && !checked) {
                    violations.add(violation(field, "required", "Trường bắt buộc / This field is required"));
                }
            }
            case "checklist", "taglist" -> {
                if (!(value instanceof Collection<?> items)) {
                    violations.add(violation(field, "type", "Phải là danh sách / Must be a list"));
                } else if (!field.dynamicOptions() && !items.stream().allMatch(item -> isOption(field, item))) {
                    violations.add(optionViolation(field));
                }
            }
            case "radio", "select" -> {
                if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                    violations.add(violation(field, "type", "Phải là một giá trị đơn / Must be a single value"));
                } else if (!field.dynamicOptions() && !isOption(field, value)) {
                    violations.add(optionViolation(field));
                }
            }
            default -> throw new IllegalStateException("No checks for input type " + field.type());
        }
    }

    private void checkText(FormField field, String text, Evaluation evaluation, List<FieldViolation> violations) {
        Validation rules = field.validate();
        // form-js measures the trimmed value.
        BigDecimal length = BigDecimal.valueOf(text.strip().codePointCount(0, text.strip().length()));
        BigDecimal minLength = evaluation.limit(rules.minLength());
        if (minLength != null && length.compareTo(minLength) < 0) {
            violations.add(violation(field, "minLength",
                    "Tối thiểu " + plain(minLength) + " ký tự / At least " + plain(minLength) + " characters"));
        }
        BigDecimal maxLength = evaluation.limit(rules.maxLength());
        if (maxLength != null && length.compareTo(maxLength) > 0) {
            violations.add(violation(field, "maxLength",
                    "Tối đa " + plain(maxLength) + " ký tự / At most " + plain(maxLength) + " characters"));
        }
        // form-js uses RegExp.test, which searches: anchor the pattern (^...$) to demand a full match.
        if (rules.pattern() != null && !Pattern.compile(rules.pattern()).matcher(text).find()) {
            violations.add(violation(field, "pattern", patternMessage(rules.pattern())));
        }
        if ("datetime".equals(field.type()) && !isDateTime(field.subtype(), text)) {
            violations.add(violation(field, "date", switch (String.valueOf(field.subtype())) {
                case "time" -> "Giờ không hợp lệ, ghi theo dạng giờ:phút (HH:mm) / Not a valid time (HH:mm)";
                case "datetime" -> "Ngày giờ không hợp lệ, ghi theo dạng ngày/tháng/năm giờ:phút"
                        + " / Not a valid date and time (yyyy-mm-ddTHH:mm)";
                default -> "Ngày không hợp lệ, ghi theo dạng ngày/tháng/năm (dd/mm/yyyy)"
                        + " / Not a valid date (yyyy-mm-dd, shown as dd/mm/yyyy)";
            }));
        }
        if ("email".equals(rules.validationType()) && !EMAIL.matcher(text).matches()) {
            violations.add(violation(field, "email",
                    "Địa chỉ thư điện tử không hợp lệ / Not a valid e-mail address"));
        }
        if ("phone".equals(rules.validationType()) && !isPhone(text)) {
            violations.add(violation(field, "phone", "Số điện thoại không hợp lệ / Not a valid phone number"));
        }
    }

    /**
     * What a pattern asks for, in words: people do not read regular expressions. A pattern of digits
     * only ({@code ^[0-9]{12}$}) is said as such; any other as a form to keep to.
     */
    static String patternMessage(String pattern) {
        Matcher digits = DIGITS_ONLY.matcher(pattern);
        if (digits.matches()) {
            String from = digits.group(1);
            String to = digits.group(2);
            if (to == null) {
                return "Phải gồm đúng " + from + " chữ số / Must be exactly " + from + " digits";
            }
            String upTo = to.substring(1);
            return "Phải gồm " + from + " đến " + upTo + " chữ số / Must be " + from + " to " + upTo + " digits";
        }
        return "Chưa đúng định dạng của mục này / Not in the form this field expects";
    }

    /** form-js keeps a date as yyyy-MM-dd, a time as HH:mm, both as yyyy-MM-ddTHH:mm, whatever it shows. */
    private static boolean isDateTime(String subtype, String text) {
        try {
            switch (String.valueOf(subtype)) {
                case "time" -> LocalTime.parse(text);
                case "datetime" -> LocalDateTime.parse(text);
                default -> LocalDate.parse(text);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The field's kind of number: one a browser form holds exactly, with no more decimals than it allows. */
    private static void checkNumberType(FormField field, Object value, BigDecimal number, List<FieldViolation> violations) {
        if (number.abs().compareTo(LARGEST_EXACT) > 0) {
            // 1e300: no browser form holds it exactly, and it would turn the variable into a Double.
            violations.add(violation(field, "type", "Số quá lớn / The number is too large"));
        } else if (Integer.valueOf(0).equals(field.decimalDigits()) && !isInteger(value)) {
            violations.add(violation(field, "decimalDigits", "Phải là số nguyên / Must be a whole number"));
        } else if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
            violations.add(violation(field, "decimalDigits", "Tối đa " + field.decimalDigits()
                    + " chữ số thập phân / At most " + field.decimalDigits() + " decimal digits"));
        }
    }

    private void checkNumber(FormField field, BigDecimal number, Evaluation evaluation, List<FieldViolation> violations) {
        BigDecimal min = evaluation.limit(field.validate().min());
        if (min != null && number.compareTo(min) < 0) {
            violations.add(violation(field, "min",
                    "Giá trị tối thiểu là " + plain(min) + " / Must be at least " + plain(min)));
        }
        BigDecimal max = evaluation.limit(field.validate().max());
        if (max != null && number.compareTo(max) > 0) {
            violations.add(violation(field, "max",
                    "Giá trị tối đa là " + plain(max) + " / Must be at most " + plain(max)));
        }
    }

    private static boolean isPhone(String text) {
        long digits = text.chars().filter(Character::isDigit).count();
        return PHONE.matcher(text).matches() && digits >= PHONE_MIN_DIGITS && digits <= PHONE_MAX_DIGITS;
    }

    private static boolean isOption(FormField field, Object value) {
        if (value == null || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return false;
        }
        String text = String.valueOf(value);
        BigDecimal number = value instanceof Number ? number(value) : null;
        for (Option option : field.options()) {
            if (option.value().equals(text)) {
                return true;
            }
            // 1 and 1.0 both pick the option "1".
            BigDecimal optionNumber = number == null ? null : number(option.value());
            if (optionNumber != null && optionNumber.compareTo(number) == 0) {
                return true;
            }
        }
        return false;
    }

    private static FieldViolation optionViolation(FormField field) {
        List<String> values = field.options().stream().map(Option::value).toList();
        String allowed = values.isEmpty() ? "-"
                : String.join(", ", values.subList(0, Math.min(values.size(), OPTIONS_NAMED)))
                        + (values.size() > OPTIONS_NAMED ? ", …" : "");
        return violation(field, "option", "Chỉ chấp nhận: " + allowed + " / Allowed: " + allowed);
    }

    private static void refuseUnknown(Map<?, ?> values, String prefix, Set<String> keys, List<FieldViolation> violations) {
        Map<String, Object> sorted = new TreeMap<>();
        values.forEach((key, value) -> sorted.put(String.valueOf(key), value));
        sorted.forEach((key, value) -> {
            String path = prefix + key;
            if (keys.contains(path)) {
                return;
            }
            boolean group = keys.stream().anyMatch(known -> known.startsWith(path + "."));
            if (!group) {
                violations.add(new FieldViolation(path, "unknownField",
                        "Trường không có trong biểu mẫu / Not a field of this form"));
            } else if (value instanceof Map<?, ?> nested) {
                refuseUnknown(nested, path + ".", keys, violations);
            } else if (value != null) {
                violations.add(new FieldViolation(path, "type",
                        "Phải là một nhóm giá trị / Must be a group of values"));
            }
        });
    }

    private static Object valueAt(Map<String, Object> values, String key) {
        if (values.containsKey(key) || !key.contains(".")) {
            return values.get(key);
        }
        Object current = values;
        for (String segment : key.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> items && items.isEmpty());
    }

    /** JavaScript's Number.MAX_SAFE_INTEGER: the largest whole number a form in the browser keeps exactly. */
    private static final BigDecimal LARGEST_EXACT = BigDecimal.valueOf(9_007_199_254_740_991L);

    /** A JSON integer as Jackson reads it (a string of digits is not: the variable would be a String). */
    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static FieldViolation violation(FormField field, String code, String message) {
        return new FieldViolation(field.key(), code, message);
    }

    /** FEEL evaluation against one set of values; each expression is evaluated at most once. */
    private final class Evaluation {

        private final Map<String, Object> values;
        private final Map<String, Object> results = new HashMap<>();
        private VariableContext context;

        Evaluation(Map<String, Object> values) {
            this.values = values;
        }

        boolean hidden(FormField field) {
            return field.hideWhen().stream().anyMatch(expression -> Boolean.TRUE.equals(evaluate(expression)));
        }

        boolean readonly(FormField field) {
            return field.readonly()
                    || (field.readonlyExpression() != null && Boolean.TRUE.equals(evaluate(field.readonlyExpression())));
        }

        /** The limit's number, or null when its expression does not give one: the rule is then not applied. */
        BigDecimal limit(Limit limit) {
            if (limit == null) {
                return null;
            }
            if (limit.value() != null) {
                return limit.value();
            }
            Object result = evaluate(limit.expression());
            return result instanceof Number ? number(result) : null;
        }

        private Object evaluate(String expression) {
            if (!results.containsKey(expression)) {
                results.put(expression, evaluateOnce(expression));
            }
            return results.get(expression);
        }

        private Object evaluateOnce(String expression) {
            try {
                return feel.evaluateSimpleExpression(expression.substring(1), context());
            } catch (RuntimeException e) {
                // A broken expression must not block the submission: the field counts as shown and checked.
                LOG.debug("FEEL expression {} could not be evaluated: {}", expression, e.getMessage());
                return null;
            }
        }

        private VariableContext context() {
            if (context == null) {
                VariableMap variables = Variables.createVariables();
                values.forEach((name, value) -> {
                    if (name != null) {
                        variables.putValue(name, value);
                    }
                });
                context = variables.asVariableContext();
            }
            return context;
        }
    }
}
