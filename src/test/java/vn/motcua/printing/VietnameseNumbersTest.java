package vn.motcua.printing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts in words as receipts print them: linh, mốt, tư, lăm, mười, and full groups after a higher one. */
class VietnameseNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, Không đồng",
            "5, Năm đồng",
            "15, Mười lăm đồng",
            "21, Hai mươi mốt đồng",
            "105, Một trăm linh năm đồng",
            "14000, Mười bốn nghìn đồng",
            "75000, Bảy mươi lăm nghìn đồng",
            "100000, Một trăm nghìn đồng",
            "200000, Hai trăm nghìn đồng",
            "1005000, Một triệu không trăm linh năm nghìn đồng",
            "1234000, Một triệu hai trăm ba mươi tư nghìn đồng",
            "2000000000, Hai tỷ đồng"})
    void shouldSpellAmountsTheWayReceiptsDo(long amount, String words) {
        assertThat(VietnameseNumbers.dong(amount)).isEqualTo(words);
    }
}
