package vn.motcua.notify;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMS text cut into the short messages that carry it (3GPP TS 23.040): one when it fits, otherwise
 * parts with a concatenation header (UDH: IEI 0x00, 8-bit reference, total, sequence) that the phone
 * joins again. The header takes 6 octets of the 140, so a UCS-2 part holds 67 characters and a
 * default-alphabet part 153 (of 70 and 160).
 */
final class SmsParts {

    static final int OCTETS = 140;
    private static final int UDH_LENGTH = 6;

    private SmsParts() {
    }

    /** The payload of each short message, the concatenation header first when there are several. */
    static List<byte[]> of(String text, SmsEncoding encoding, int reference, int maxParts) {
        List<String> chunks = chunks(encoding == SmsEncoding.UCS2 ? text : unaccented(text), encoding);
        if (chunks.size() > maxParts) {
            throw new IllegalArgumentException("An SMS of " + chunks.size() + " parts is longer than the " + maxParts
                    + " allowed (motcua.notify.sms.max-parts)");
        }
        if (chunks.size() == 1) {
            return List.of(encode(chunks.get(0), encoding));
        }
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = encode(chunks.get(i), encoding);
            byte[] part = new byte[UDH_LENGTH + body.length];
            part[0] = 0x05; // header length
            part[1] = 0x00; // concatenated short messages, 8-bit reference
            part[2] = 0x03; // information element length
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, UDH_LENGTH, body.length);
            parts.add(part);
        }
        return parts;
    }

    /**
     * The text without diacritics, in the characters the default alphabet and ASCII share: Vietnamese
     * letters lose their marks (đ becomes d), anything else outside ASCII becomes '?'.
     */
    static String unaccented(String text) {
        String stripped = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        StringBuilder ascii = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(c -> ascii.append(c < 0x80 ? (char) c : '?'));
        return ascii.toString();
    }

    private static List<String> chunks(String text, SmsEncoding encoding) {
        int single = encoding == SmsEncoding.UCS2 ? OCTETS / 2 : 160;
        int perPart = encoding == SmsEncoding.UCS2 ? (OCTETS - UDH_LENGTH) / 2 : 153;
        if (text.length() <= single) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + perPart, text.length());
            // A character outside the BMP is two UTF-16 units: never cut between them.
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static byte[] encode(String text, SmsEncoding encoding) {
        return text.getBytes(encoding == SmsEncoding.UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }
}
