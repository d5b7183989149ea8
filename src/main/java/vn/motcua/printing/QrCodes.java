package vn.motcua.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as PNG data URIs, which the PDF renderer embeds without fetching anything. */
public final class QrCodes {

    private static final int SIZE = 240;

    private QrCodes() {
    }

    public static String pngDataUri(String text) {
        return png(text, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
    }

    /**
     * A payment code (EMVCo, ASCII only) without the UTF-8 character-set marker (ECI) a link's code carries:
     * banking apps read the EMVCo payload from the first byte.
     */
    public static String paymentCodePngDataUri(String payload) {
        return png(payload, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    }

    private static String png(String text, Map<EncodeHintType, Object> hints) {
        try {
            // Level M survives a crease or a stain on a paper receipt.
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE, hints);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code for " + text, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
