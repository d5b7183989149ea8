package vn.motcua.payments;

import java.nio.charset.StandardCharsets;

/**
 * VietQR payment codes: the EMVCo Merchant-Presented Mode layout (ID, two-digit length, value) with
 * NAPAS's merchant account information for a transfer to an account (docs/payments.md cites the layout).
 */
public final class VietQr {

    /** NAPAS's application identifier in the merchant account information (ID 38, sub-ID 00). */
    static final String NAPAS_GUID = "A000000727";
    /** Inter-bank fund transfer 24/7 to an account. */
    static final String TRANSFER_TO_ACCOUNT = "QRIBFTTA";
    /** The purpose (ID 62, sub-ID 08) may hold at most 25 characters. */
    static final int PURPOSE_MAX = 25;

    private VietQr() {
    }

    /**
     * A dynamic VietQR payload (point of initiation 12: one payment of this amount) asking for {@code amount}
     * VND to {@code account} at the bank {@code bin}, with {@code purpose} as the transfer's content.
     */
    public static String payload(String bin, String account, long amount, String purpose) {
        if (bin == null || !bin.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("A bank BIN has 6 digits, not " + bin);
        }
        if (account == null || !account.matches("[0-9A-Za-z]{1,19}")) {
            throw new IllegalArgumentException("An account number has 1 to 19 letters or digits, not " + account);
        }
        if (amount <= 0 || amount > 9_999_999_999_999L) {
            throw new IllegalArgumentException("An amount in VND is a whole number of 1 to 13 digits, not " + amount);
        }
        if (purpose == null || purpose.isEmpty() || purpose.length() > PURPOSE_MAX || !StandardCharsets.US_ASCII.newEncoder().canEncode(purpose)) {
            throw new IllegalArgumentException("The purpose is 1 to 25 ASCII characters, not " + purpose);
        }
        String beneficiary = field("00", bin) + field("01", account);
        String merchantAccount = field("00", NAPAS_GUID) + field("01", beneficiary) + field("02", TRANSFER_TO_ACCOUNT);
        String withoutCrc = field("00", "01")
                + field("01", "12")
                + field("38", merchantAccount)
                + field("53", "704")
                + field("54", Long.toString(amount))
                + field("58", "VN")
                + field("62", field("08", purpose))
                + "6304";
        return withoutCrc + crc16(withoutCrc);
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF) as four upper-case hex digits, as EMVCo asks. */
    static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }
        return String.format("%04X", crc);
    }

    private static String field(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("Field " + id + " is longer than 99 characters");
        }
        return id + String.format("%02d", value.length()) + value;
    }
}
