package vn.motcua.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.motcua.printing.QrCodes;

/**
 * VietQR payloads against the published layout (EMVCo MPM + NAPAS VietQR, docs/payments.md): read back with
 * a TLV parser of this test's own, every field checked, the CRC computed here bit by bit.
 */
class VietQrTest {

    /**
     * A payload published with its CRC (github.com/subiz/vietqr, README: VND 120,000 to VietinBank account
     * 0011001932418, "ung ho lu lut"); its CRC C15C is the published one, not ours.
     */
    private static final String PUBLISHED =
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C";

    @Test
    void shouldComputeTheCrcOfThePublishedExample() {
        String withoutCrc = PUBLISHED.substring(0, PUBLISHED.length() - 4);

        assertThat(VietQr.crc16(withoutCrc)).isEqualTo("C15C");
        assertThat(crcCcittFalse(withoutCrc)).isEqualTo("C15C");
        // And the builder writes exactly the published payload for the same transfer.
        assertThat(VietQr.payload("970415", "0011001932418", 120000, "ung ho lu lut")).isEqualTo(PUBLISHED);
    }

    @Test
    void shouldLayOutEveryFieldOfADossierPayment() {
        String payload = VietQr.payload("970415", "113000000001", 100000, "000.00.01.H01-261123-0001");

        Map<String, String> root = tlv(payload);
        assertThat(root.keySet()).containsExactly("00", "01", "38", "53", "54", "58", "62", "63");
        assertThat(root.get("00")).as("payload format indicator").isEqualTo("01");
        assertThat(root.get("01")).as("point of initiation: dynamic, one payment").isEqualTo("12");
        Map<String, String> merchant = tlv(root.get("38"));
        assertThat(merchant).containsExactly(Map.entry("00", "A000000727"),
                Map.entry("01", "00069704150112113000000001"), Map.entry("02", "QRIBFTTA"));
        Map<String, String> beneficiary = tlv(merchant.get("01"));
        assertThat(beneficiary).containsExactly(Map.entry("00", "970415"), Map.entry("01", "113000000001"));
        assertThat(root.get("53")).as("currency: VND (ISO 4217)").isEqualTo("704");
        assertThat(root.get("54")).as("amount").isEqualTo("100000");
        assertThat(root.get("58")).as("country").isEqualTo("VN");
        assertThat(tlv(root.get("62"))).containsExactly(Map.entry("08", "000.00.01.H01-261123-0001"));
        assertThat(payload).endsWith("6304" + root.get("63"));
        assertThat(root.get("63")).isEqualTo(crcCcittFalse(payload.substring(0, payload.length() - 4)));
    }

    @Test
    void shouldDecodeTheQrImageBackToThePayload() throws Exception {
        String payload = VietQr.payload("970436", "0011000000002", 14000, "000.00.02.H01-261123-0042");

        String dataUri = QrCodes.paymentCodePngDataUri(payload);

        assertThat(decode(dataUri)).isEqualTo(payload);
    }

    @Test
    void shouldRefuseWhatThePayloadCannotCarry() {
        assertThatThrownBy(() -> VietQr.payload("97041", "113", 1000, "x")).hasMessageContaining("BIN");
        assertThatThrownBy(() -> VietQr.payload("970415", "113-000", 1000, "x")).hasMessageContaining("account");
        assertThatThrownBy(() -> VietQr.payload("970415", "113", 0, "x")).hasMessageContaining("amount");
        assertThatThrownBy(() -> VietQr.payload("970415", "113", 1000, "x".repeat(26))).hasMessageContaining("purpose");
        assertThatThrownBy(() -> VietQr.payload("970415", "113", 1000, "phí lệ phí")).hasMessageContaining("purpose");
    }

    /** EMVCo data objects: two-digit ID, two-digit length, value; IDs in order of appearance. */
    private static Map<String, String> tlv(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            String id = text.substring(i, i + 2);
            int length = Integer.parseInt(text.substring(i + 2, i + 4));
            fields.put(id, text.substring(i + 4, i + 4 + length));
            i += 4 + length;
        }
        assertThat(i).as("the TLV fields fill the text exactly").isEqualTo(text.length());
        return fields;
    }

    /** CRC-16/CCITT-FALSE written out independently: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
    private static String crcCcittFalse(String text) {
        int crc = 0xFFFF;
        for (char c : text.toCharArray()) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean top = ((crc >> 15) & 1) != ((c >> bit) & 1);
                crc = (crc << 1) & 0xFFFF;
                if (top) {
                    crc ^= 0x1021;
                }
            }
        }
        return String.format("%04X", crc);
    }

    private static String decode(String dataUri) throws IOException, NotFoundException, com.google.zxing.ChecksumException,
            com.google.zxing.FormatException {
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
