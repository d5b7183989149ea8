package vn.motcua.documents;

/** An upload that inspection refused, with the reason as it goes into a problem body. */
public class RefusedUploadException extends RuntimeException {

    private final DocumentViolation violation;

    public RefusedUploadException(DocumentViolation violation) {
        super(violation.field() + " [" + violation.code() + "] " + violation.message());
        this.violation = violation;
    }

    public DocumentViolation violation() {
        return violation;
    }
}
