package vn.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.forms.FormField.Limit;
import vn.motcua.forms.FormField.Option;
import vn.motcua.forms.FormField.Validation;

/** Turns form-js JSON into a {@link FormSchema}; refuses what it cannot read rather than guessing. */
final class SchemaReader {

    static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist");
    private static final Set<String> OPTION_TYPES = Set.of("checklist", "radio", "select", "taglist");
    // Components that show things but never hold a value of their own.
    private static final Set<String> LAYOUT_TYPES = Set.of(
            "text", "html", "image", "spacer", "separator", "button", "table", "iframe", "documentPreview");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String formId;
    private final List<FormField> fields = new ArrayList<>();

    private SchemaReader(String formId) {
        this.formId = formId;
    }

    static FormSchema read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidFormSchemaException("Form schema is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidFormSchemaException("Form schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFormSchemaException("Form schema is not a JSON object");
        }
        String id = text(root, "id");
        if (id == null || id.isBlank()) {
            throw new InvalidFormSchemaException("Form schema has no id");
        }
        int schemaVersion = schemaVersion(id, root.get("schemaVersion"));
        JsonNode components = root.get("components");
        if (components == null || !components.isArray()) {
            throw new InvalidFormSchemaException("Form " + id + " has no components array");
        }
        SchemaReader reader = new SchemaReader(id);
        reader.components(components, "", List.of(), "components");
        return new FormSchema(id, schemaVersion, reader.fields);
    }

    private static int schemaVersion(String id, JsonNode version) {
        if (version == null || version.isNull()) {
            return 0;
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new InvalidFormSchemaException("Form " + id + ": schemaVersion is not a whole number");
        }
        // A newer schema may carry rules this reader would silently skip; better to fail at deployment.
        if (version.intValue() > FormSchema.MAX_SCHEMA_VERSION) {
            throw new InvalidFormSchemaException("Form " + id + ": schemaVersion " + version.intValue()
                    + " is newer than the supported " + FormSchema.MAX_SCHEMA_VERSION);
        }
        return version.intValue();
    }

    private void components(JsonNode components, String pathPrefix, List<String> hideWhen, String where) {
        for (int i = 0; i < components.size(); i++) {
            component(components.get(i), pathPrefix, hideWhen, where + "[" + i + "]");
        }
    }

    private void component(JsonNode node, String pathPrefix, List<String> inheritedHide, String where) {
        if (!node.isObject()) {
            throw invalid(where, "is not a JSON object");
        }
        String type = text(node, "type");
        if (type == null || type.isBlank()) {
            throw invalid(where, "has no type");
        }
        String name = text(node, "id") != null ? text(node, "id") : where;
        if (LAYOUT_TYPES.contains(type)) {
            return;
        }
        List<String> hideWhen = withOwnHide(node, inheritedHide);
        if ("dynamiclist".equals(type)) {
            // Repeated rows are not validated: only their path is known, so the values are accepted as a whole.
            String path = text(node, "path") != null ? text(node, "path") : text(node, "key");
            if (path == null || path.isBlank()) {
                throw invalid(name, "(dynamiclist) has no path");
            }
            fields.add(new FormField(pathPrefix + path, type, text(node, "label"), false, null,
                    node.path("disabled").asBoolean(false), Validation.NONE, List.of(), true, hideWhen, null, null, null));
            return;
        }
        JsonNode children = node.get("components");
        if (children != null && children.isArray()) {
            String path = text(node, "path");
            String childPrefix = path == null || path.isBlank() ? pathPrefix : pathPrefix + path + ".";
            components(children, childPrefix, hideWhen, name + ".components");
            return;
        }
        String key = text(node, "key");
        if (key == null || key.isBlank()) {
            if (INPUT_TYPES.contains(type)) {
                throw invalid(name, "(" + type + ") has no key");
            }
            return;
        }
        if (!INPUT_TYPES.contains(type)) {
            // expression, filepicker and types newer than this reader: the key is known, the value is not checked.
            fields.add(new FormField(pathPrefix + key, type, text(node, "label"), false, null,
                    node.path("disabled").asBoolean(false), Validation.NONE, List.of(), true, hideWhen, null, null, null));
            return;
        }
        fields.add(field(node, pathPrefix + key, type, name, hideWhen));
    }

    private FormField field(JsonNode node, String key, String type, String name, List<String> hideWhen) {
        JsonNode readonly = node.get("readonly");
        String readonlyExpression = readonly != null && readonly.isTextual() && readonly.asText().startsWith("=")
                ? readonly.asText() : null;
        boolean dynamicOptions = OPTION_TYPES.contains(type)
                && (notBlank(text(node, "valuesKey")) || notBlank(text(node, "valuesExpression")));
        List<Option> options = OPTION_TYPES.contains(type) && !dynamicOptions ? options(node, name) : List.of();
        // A datetime field has no label of its own: the date's or the time's is what people read.
        String label = text(node, "label") != null ? text(node, "label")
                : text(node, "dateLabel") != null ? text(node, "dateLabel") : text(node, "timeLabel");
        return new FormField(key, type, label,
                readonly != null && readonly.isBoolean() && readonly.booleanValue(), readonlyExpression,
                node.path("disabled").asBoolean(false), validation(node.get("validate"), name),
                options, dynamicOptions, hideWhen, defaultValue(node.get("defaultValue"), name),
                node.path("decimalDigits").canConvertToInt() && node.path("decimalDigits").isIntegralNumber()
                        ? Integer.valueOf(node.path("decimalDigits").intValue()) : null,
                "datetime".equals(type) ? (text(node, "subtype") != null ? text(node, "subtype") : "date") : null);
    }

    private Validation validation(JsonNode validate, String name) {
        if (validate == null || !validate.isObject()) {
            return Validation.NONE;
        }
        String pattern = text(validate, "pattern");
        if (notBlank(pattern)) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw invalid(name, "has a pattern Java cannot read: " + e.getDescription());
            }
        } else {
            pattern = null;
        }
        String validationType = text(validate, "validationType");
        return new Validation(validate.path("required").asBoolean(false),
                limit(validate, "minLength", name), limit(validate, "maxLength", name),
                limit(validate, "min", name), limit(validate, "max", name),
                pattern, notBlank(validationType) ? validationType : null);
    }

    private Limit limit(JsonNode validate, String property, String name) {
        JsonNode node = validate.get(property);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        if (node.isNumber()) {
            return Limit.of(node.decimalValue());
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            if (text.startsWith("=")) {
                return Limit.of(text);
            }
            try {
                return Limit.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
        }
        throw invalid(name, "has a " + property + " that is neither a number nor an expression: " + node);
    }

    private List<Option> options(JsonNode node, String name) {
        JsonNode values = node.get("values");
        if (values == null || values.isNull()) {
            return List.of();
        }
        if (!values.isArray()) {
            throw invalid(name, "has values that are not a list");
        }
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i).get("value");
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw invalid(name, "has an option without a plain value at values[" + i + "]");
            }
            options.add(new Option(text(values.get(i), "label"), value.asText()));
        }
        return options;
    }

    private Object defaultValue(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JSON.treeToValue(node, Object.class);
        } catch (JsonProcessingException e) {
            throw invalid(name, "has an unreadable defaultValue");
        }
    }

    private static List<String> withOwnHide(JsonNode node, List<String> inherited) {
        String hide = text(node.path("conditional"), "hide");
        // form-js only evaluates expressions; a plain string never hides anything.
        if (hide == null || !hide.trim().startsWith("=") || hide.trim().length() == 1) {
            return inherited;
        }
        return Stream.concat(inherited.stream(), Stream.of(hide.trim())).toList();
    }

    private InvalidFormSchemaException invalid(String component, String problem) {
        return new InvalidFormSchemaException("Form " + formId + ": component " + component + " " + problem);
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
