package vn.motcua.forms;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Values that break a form's rules, for callers that prefer an exception to a list. It is the
 * engine's own form-field validation exception, so that when it comes from a task completion the
 * engine REST API and Tasklist answer it as a bad request and show the message.
 */
public class FormViolationException extends FormFieldValidationException {

    private final String formId;
    private final List<FieldViolation> violations;

    public FormViolationException(String formId, List<FieldViolation> violations) {
        super(violations, message(formId, violations));
        this.formId = formId;
        this.violations = List.copyOf(violations);
    }

    public String formId() {
        return formId;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String message(String formId, List<FieldViolation> violations) {
        return "Values break " + violations.size() + " rule(s) of form " + formId + ": "
                + violations.stream()
                        .map(v -> v.field() + " [" + v.code() + "] " + v.message())
                        .collect(Collectors.joining("; "));
    }
}
