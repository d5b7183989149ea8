package vn.motcua.notify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as applicants type them ("0912 345 678", "+84 912.345.678") in the international form an
 * SMPP gateway takes (TON international, NPI ISDN: "84912345678"). One form per number, so that the same
 * event to the same phone is recognised however the number was written.
 */
final class PhoneNumbers {

    private static final Pattern INTERNATIONAL = Pattern.compile("[1-9][0-9]{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    private PhoneNumbers() {
    }

    /** The number in international form; empty when it is not a phone number. */
    static Optional<String> international(String typed, String countryCode) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = countryCode + digits.substring(1);
        }
        return isInternational(digits) ? Optional.of(digits) : Optional.empty();
    }

    static boolean isInternational(String number) {
        return INTERNATIONAL.matcher(number).matches();
    }
}
