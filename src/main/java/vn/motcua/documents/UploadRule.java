package vn.motcua.documents;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.unit.DataSize;

/**
 * What one slot accepts: a set of types and a size limit per file.
 *
 * @param maxSize the largest file accepted; reading stops one byte past it
 */
public record UploadRule(Set<DocumentType> types, DataSize maxSize) {

    public UploadRule {
        if (types == null || types.isEmpty()) {
            throw new IllegalArgumentException("an upload rule accepts at least one type");
        }
        if (maxSize == null || maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("an upload rule needs a positive size limit");
        }
        types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    String typeNames() {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }
}
