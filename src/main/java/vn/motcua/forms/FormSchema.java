package vn.motcua.forms;

import java.util.List;
import java.util.Objects;

/**
 * A Camunda Form as far as validation needs it: its id, schema version and data-bound fields in
 * form order, with those of nested groups flattened (their keys prefixed by the groups' paths).
 * Layout components (text, html, image, spacer, separator, button, table, iframe) are left out.
 */
public record FormSchema(String id, int schemaVersion, List<FormField> fields) {

    /** The newest form-js schema version this reader knows; Camunda Modeler exports 16 for 7.24. */
    public static final int MAX_SCHEMA_VERSION = 16;

    public FormSchema {
        Objects.requireNonNull(id, "id");
        fields = List.copyOf(fields);
    }

    /**
     * Reads a form-js schema (the content of a {@code .form} file).
     *
     * @throws InvalidFormSchemaException for malformed JSON, a missing id or components array, a
     *         newer schema version, or a component this reader cannot make sense of
     */
    public static FormSchema parse(String json) {
        return SchemaReader.read(json);
    }
}
