package vn.motcua.forms;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.motcua.digest.Digests;

/**
 * The forms capability for the rest of the application: checks values against a Camunda Form's
 * JSON, as deployed. Parsed forms are kept, keyed by the JSON's SHA-256, because a deployed form
 * never changes and the same few forms are checked over and over.
 */
@Component
public class FormRules {

    private static final int CACHED_FORMS = 128;

    private final FormValidator validator;
    private final Cache<String, FormSchema> parsed;

    FormRules() {
        this(new FormValidator(), CACHED_FORMS);
    }

    FormRules(FormValidator validator, int cachedForms) {
        this.validator = validator;
        this.parsed = Caffeine.newBuilder().maximumSize(cachedForms).build();
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
        // A form that cannot be read is not kept: the InvalidFormSchemaException reaches the caller.
        return parsed.get(Digests.sha256Hex(formJson), digest -> FormSchema.parse(formJson));
    }
}
