package vn.motcua.notify;

import java.util.Objects;

/**
 * Who receives a notification, and through which channel.
 *
 * @param channel     the name of the {@link NotificationChannel} that delivers, e.g. {@value #EMAIL}
 * @param address     the address in that channel's terms (an e-mail address, a phone number, ...)
 * @param displayName how to address the person, e.g. "Nguyễn Thị Lan"; may be null
 */
public record Recipient(String channel, String address, String displayName) {

    /** The e-mail channel's name. */
    public static final String EMAIL = "email";

    /** The SMS channel's name; its addresses are international numbers, digits only ("84912345678"). */
    public static final String SMS = "sms";

    public Recipient {
        requireText(channel, "channel");
        requireText(address, "address");
        address = address.strip();
        if (channel.length() > 32 || address.length() > 254 || (displayName != null && displayName.length() > 200)) {
            throw new IllegalArgumentException("Recipient too long (channel 32, address 254, name 200 characters at most): "
                    + channel + " " + address);
        }
    }

    public static Recipient email(String address, String displayName) {
        return new Recipient(EMAIL, address, displayName);
    }

    static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A notification needs a " + what);
        }
    }
}
