package vn.motcua.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The forms capability for the rest of the application: checks values against a Camunda Form's
 * JSON, as deployed. Parsed forms are kept, keyed by the JSON's SHA-256, because a deployed form
 * never changes and the same few forms are checked over and over.
 */
@Component
public class FormRules {

    private static final int CACHED_FORMS = 128;

    private final FormValidator validator;
    private final Map<String, FormSchema> parsed;

    FormRules() {
        this(new FormValidator(), CACHED_FORMS);
    }

    FormRules(FormValidator validator, int cachedForms) {
        this.validator = validator;
        this.parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FormSchema> eldest) {
                return size() > cachedForms;
            }
        });
    }

    /**
     * The rules the values break; empty when they are acceptable.
     *
     * @throws InvalidFormSchemaException when the form itself cannot be read
     */
    public List<FieldViolation> check(String formJson, Map<String, Object> values, FormValidator.Mode mode) {
        return validator.validate(schema(formJson), values, mode);
    }

    /**
     * Like {@link #check}, for callers that prefer to throw.
     *
     * @throws FormViolationException listing every broken rule
     */
    public void checkOrThrow(String formJson, Map<String, Object> values, FormValidator.Mode mode) {
        FormSchema form = schema(formJson);
        List<FieldViolation> violations = validator.validate(form, values, mode);
        if (!violations.isEmpty()) {
            throw new FormViolationException(form.id(), violations);
        }
    }

    private FormSchema schema(String formJson) {
        if (formJson == null) {
            throw new InvalidFormSchemaException("Form schema is empty");
        }
        String digest = sha256(formJson);
        FormSchema form = parsed.get(digest);
        if (form == null) {
            // Parsed outside the lock: two threads may both parse a new form once, which is harmless.
            form = FormSchema.parse(formJson);
            parsed.put(digest, form);
        }
        return form;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
