package vn.motcua.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.unit.DataSize;

import vn.motcua.documents.DocumentType;
import vn.motcua.documents.UploadRule;

/**
 * One document a procedure asks for (thành phần hồ sơ), declared in its model as the extension
 * property {@code procedure.document.<id>}; see docs/documents.md for the syntax.
 *
 * @param id           the slot's id: the name of the upload's form part
 * @param required     whether every dossier must carry at least one file for it
 * @param requiredWhen when not null, the slot is required only for submissions with these values
 * @param maxSizeBytes largest file accepted, in bytes
 */
public record DocumentSlot(
        String id,
        String name,
        String nameEn,
        boolean required,
        Condition requiredWhen,
        Set<DocumentType> types,
        long maxSizeBytes) {

    /** Required when the submitted value of {@code field} is one of {@code values}. */
    public record Condition(String field, List<String> values) {

        public boolean holdsFor(Map<String, Object> data) {
            Object value = data == null ? null : data.get(field);
            return value != null && values.contains(String.valueOf(value));
        }
    }

    /** Whether a submission with these form values must carry a file for this slot. */
    public boolean requiredFor(Map<String, Object> data) {
        return required || (requiredWhen != null && requiredWhen.holdsFor(data));
    }

    /** The types and size limit each file of this slot must keep to. */
    public UploadRule rule() {
        return new UploadRule(types, DataSize.ofBytes(maxSizeBytes));
    }
}
