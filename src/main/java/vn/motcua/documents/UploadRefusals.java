package vn.motcua.documents;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The reasons an upload is refused, in the applicant's words from messages*.properties
 * ({@code documents.violation.*}): Vietnamese, then English, naming the file when there is one.
 */
final class UploadRefusals {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    UploadRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code reason} names the text ({@code documents.violation.<reason>}); {@code code} is the client's. */
    DocumentViolation violation(String slot, String file, String code, String reason, Object... arguments) {
        String key = "documents.violation." + reason;
        return DocumentViolation.of(slot, file, code, inFile(file, messages.getMessage(key, arguments, VIETNAMESE), VIETNAMESE),
                inFile(file, messages.getMessage(key, arguments, Locale.ENGLISH), Locale.ENGLISH));
    }

    RefusedUploadException refused(Upload upload, String file, String code, Object... arguments) {
        return new RefusedUploadException(violation(upload.slot(), file, code, code, arguments));
    }

    private String inFile(String file, String reason, Locale locale) {
        return file == null ? reason : messages.getMessage("documents.violation.file", new Object[] {file, reason}, locale);
    }
}
