package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    void shouldSendAShortVietnameseTextAsOneUcs2Message() {
        List<byte[]> parts = SmsParts.of("Hồ sơ đã được tiếp nhận", SmsEncoding.UCS2, 7, 6);

        assertThat(parts).singleElement().satisfies(part ->
                assertThat(new String(part, StandardCharsets.UTF_16BE)).isEqualTo("Hồ sơ đã được tiếp nhận"));
    }

    @Test
    void shouldSplitALongUcs2TextInto67CharacterPartsWithAConcatenationHeader() {
        String text = "Đ".repeat(70) + "ê".repeat(70);

        List<byte[]> parts = SmsParts.of(text, SmsEncoding.UCS2, 42, 6);

        assertThat(parts).hasSize(3);
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = parts.get(i);
            assertThat(Arrays.copyOf(part, 6)).containsExactly(0x05, 0x00, 0x03, 42, 3, i + 1);
            assertThat(part.length).isLessThanOrEqualTo(SmsParts.OCTETS);
        }
        StringBuilder joined = new StringBuilder();
        parts.forEach(part -> joined.append(new String(part, 6, part.length - 6, StandardCharsets.UTF_16BE)));
        assertThat(joined).hasToString(text);
    }

    @Test
    void shouldDropDiacriticsForTheDefaultAlphabet() {
        assertThat(SmsParts.unaccented("Hồ sơ Đã được tiếp nhận, hẹn trả kết quả ngày 05/12"))
                .isEqualTo("Ho so Da duoc tiep nhan, hen tra ket qua ngay 05/12");
        List<byte[]> parts = SmsParts.of("ư".repeat(160), SmsEncoding.GSM_UNACCENTED, 1, 6);
        assertThat(parts).singleElement().satisfies(part -> assertThat(new String(part, StandardCharsets.US_ASCII))
                .isEqualTo("u".repeat(160)));
        assertThat(SmsParts.of("a".repeat(161), SmsEncoding.GSM_UNACCENTED, 1, 6)).hasSize(2);
    }

    @Test
    void shouldRefuseATextLongerThanTheAllowedParts() {
        assertThatThrownBy(() -> SmsParts.of("x".repeat(67 * 3 + 1), SmsEncoding.UCS2, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-parts");
    }

    @Test
    void shouldWriteVietnamesePhoneNumbersInInternationalForm() {
        assertThat(PhoneNumbers.international("0912 345 678", "84")).contains("84912345678");
        assertThat(PhoneNumbers.international("+84 912.345.678", "84")).contains("84912345678");
        assertThat(PhoneNumbers.international("(024) 3825-1234", "84")).contains("842438251234");
        assertThat(PhoneNumbers.international("không có", "84")).isEmpty();
        assertThat(PhoneNumbers.international("0", "84")).isEmpty();
    }
}
