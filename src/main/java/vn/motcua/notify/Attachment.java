package vn.motcua.notify;

/**
 * A file sent along with a notification, e.g. the apology letter as PDF.
 *
 * @param fileName    the name the recipient sees, e.g. "phieu-xin-loi.pdf"
 * @param contentType its media type, e.g. "application/pdf"
 * @param content     the bytes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Recipient.requireText(fileName, "file name for the attachment");
        Recipient.requireText(contentType, "content type for attachment " + fileName);
        if (fileName.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
            throw new IllegalArgumentException("An attachment's file name has no path and no control characters: " + fileName);
        }
        if (content == null) {
            throw new IllegalArgumentException("Attachment " + fileName + " has no content");
        }
    }

    public static Attachment pdf(String fileName, byte[] content) {
        return new Attachment(fileName, "application/pdf", content);
    }
}
