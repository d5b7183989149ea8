package vn.motcua.dossier;

import java.util.Map;

/**
 * The person or business a dossier is for. Every submission form carries these standard fields
 * (see docs/architecture.md, "Model conventions"); the rest of its values are the procedure's own.
 */
public record Applicant(String name, String idNumber, String phone, String email, String address) {

    static Applicant from(Map<String, Object> values) {
        return new Applicant(text(values, "applicantName"), text(values, "applicantIdNumber"),
                text(values, "applicantPhone"), text(values, "applicantEmail"), text(values, "applicantAddress"));
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
