package vn.motcua.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file a document slot can accept, each known by its content's media type. */
public enum DocumentType {

    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final List<String> extensions;

    DocumentType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether browsers show it themselves (PDF and images): it may be sent inline for a preview. */
    public boolean viewable() {
        return this != DOCX;
    }

    /** File name extensions, lower case, without the dot; the first is the usual one. */
    public List<String> extensions() {
        return extensions;
    }

    /** The type a name such as {@code pdf}, {@code JPG} or {@code docx} stands for, as analysts write it. */
    public static Optional<DocumentType> named(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.name().equalsIgnoreCase(lower) || type.extensions.contains(lower))
                .findFirst();
    }

    static Optional<DocumentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
