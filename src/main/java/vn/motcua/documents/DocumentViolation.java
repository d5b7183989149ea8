package vn.motcua.documents;

/**
 * One refused upload, listed in a problem body's {@code violations} next to the form's own:
 * {@code field} is {@code documents.<slot id>}, {@code file} the name the applicant gave, and the
 * message is Vietnamese, then English after " / ".
 *
 * <p>Codes: required, unknownSlot, empty, tooLarge, type, executable, extension, encrypted, malformed,
 * activeContent (a PDF with scripts or embedded files).
 */
public record DocumentViolation(String field, String file, String code, String message) {

    /** A violation of the slot, its message in both languages (naming the file when there is one). */
    public static DocumentViolation of(String slot, String file, String code, String vietnamese, String english) {
        return new DocumentViolation("documents." + slot, file, code, vietnamese + " / " + english);
    }
}
