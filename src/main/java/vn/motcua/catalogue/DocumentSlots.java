package vn.motcua.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.unit.DataSize;

import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DocumentsProperties;

/**
 * Reads the document slots a procedure model declares as process extension properties:
 * <pre>procedure.document.&lt;id&gt; = Vietnamese name | English name | required [| types [| size]]</pre>
 * where the third part is {@code required}, {@code optional} or {@code required if <field> = <value>[, <value>]},
 * types are names such as {@code pdf, jpeg, png, docx} and the size is like {@code 10MB}. Left out
 * (or blank), types and size take the configured defaults.
 */
public final class DocumentSlots {

    public static final String PREFIX = "procedure.document.";
    /** Slot ids name the upload's form part, next to the parts {@code submission} and {@code supplement}. */
    private static final Pattern ID = Pattern.compile("^[a-z][A-Za-z0-9]{0,63}$");
    private static final Set<String> RESERVED_IDS = Set.of("submission", "supplement");
    private static final Pattern CONDITION = Pattern.compile("^required\\s+if\\s+([A-Za-z][A-Za-z0-9_.]*)\\s*=\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);

    private DocumentSlots() {
    }

    /**
     * The slots among a process's extension properties, in document order.
     *
     * @param resource the model's file, named in errors with the process key and the property
     * @throws InvalidProcedureException when declarations cannot be read, with every one that cannot
     */
    public static List<DocumentSlot> read(String resource, String processKey, Map<String, String> properties,
            DocumentsProperties limits) {
        List<DocumentSlot> slots = new ArrayList<>();
        List<InvalidProcedureException> problems = new ArrayList<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                try {
                    slots.add(slot(new Declaration(resource, processKey, name), name.substring(PREFIX.length()), value,
                            limits));
                } catch (InvalidProcedureException e) {
                    problems.add(e); // every broken slot is reported, not only the first
                }
            }
        });
        if (!problems.isEmpty()) {
            throw InvalidProcedureException.of(problems);
        }
        return List.copyOf(slots);
    }

    private static DocumentSlot slot(Declaration declaration, String id, String value, DocumentsProperties limits) {
        if (!ID.matcher(id).matches() || RESERVED_IDS.contains(id)) {
            throw declaration.invalid("the slot id '" + id + "' must match " + ID.pattern()
                    + " and not be one of " + RESERVED_IDS);
        }
        String[] parts = value.split("\\|", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw declaration.invalid("expected 'Vietnamese name | English name | required|optional|required if <field> = <value>"
                    + " [| types [| size]]', not '" + value + "'");
        }
        String name = parts[0].strip();
        String nameEn = parts[1].strip();
        if (name.isEmpty() || nameEn.isEmpty()) {
            throw declaration.invalid("the Vietnamese and English names must not be blank");
        }
        String requirement = parts[2].strip();
        boolean required = false;
        DocumentSlot.Condition condition = null;
        Matcher conditional = CONDITION.matcher(requirement);
        if (requirement.equalsIgnoreCase("required")) {
            required = true;
        } else if (conditional.matches()) {
            List<String> values = Arrays.stream(conditional.group(2).split(",")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            condition = new DocumentSlot.Condition(conditional.group(1), values);
        } else if (!requirement.equalsIgnoreCase("optional")) {
            throw declaration.invalid("the third part must be 'required', 'optional' or 'required if <field> = <value>',"
                    + " not '" + requirement + "'");
        }
        Set<DocumentType> types = parts.length > 3 && !parts[3].isBlank()
                ? types(declaration, parts[3]) : limits.defaultTypes();
        DataSize maxSize = parts.length > 4 && !parts[4].isBlank()
                ? size(declaration, parts[4].strip(), limits) : limits.defaultMaxSize();
        // In the enum's order, so the catalogue lists them the same way every time.
        return new DocumentSlot(id, name, nameEn, required, condition, Collections.unmodifiableSet(EnumSet.copyOf(types)),
                maxSize.toBytes());
    }

    private static Set<DocumentType> types(Declaration declaration, String list) {
        Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
        for (String name : list.split(",")) {
            types.add(DocumentType.named(name).orElseThrow(() -> declaration.invalid("unknown file type '"
                    + name.strip() + "': use " + Arrays.toString(DocumentType.values()).toLowerCase(Locale.ROOT))));
        }
        return types;
    }

    private static DataSize size(Declaration declaration, String text, DocumentsProperties limits) {
        DataSize size;
        try {
            size = DataSize.parse(text.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw declaration.invalid("the size limit must read like 10MB or 500KB, not '" + text + "'");
        }
        if (size.toBytes() <= 0) {
            throw declaration.invalid("the size limit must be positive, not '" + text + "'");
        }
        if (size.compareTo(limits.maxFileSize()) > 0) {
            throw declaration.invalid("the size limit " + text + " exceeds the server's limit for one file ("
                    + limits.maxFileSize().toMegabytes() + "MB, motcua.documents.max-file-size)");
        }
        return size;
    }

    private record Declaration(String resource, String processKey, String property) {

        InvalidProcedureException invalid(String problem) {
            return new InvalidProcedureException(resource, "process " + processKey, "extension property "
                    + property + ": " + problem);
        }
    }
}
