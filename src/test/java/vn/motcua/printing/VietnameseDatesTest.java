package vn.motcua.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-27, ngày 27 tháng 11 năm 2026",
            "2026-02-05, ngày 05 tháng 02 năm 2026",
            "2026-01-10, ngày 10 tháng 01 năm 2026",
            "2026-03-05, ngày 05 tháng 3 năm 2026",
            "2026-09-02, ngày 02 tháng 9 năm 2026"})
    void shouldWriteDatesAsDecree30Prescribes(LocalDate date, String expected) {
        assertThat(VietnameseDates.longDate(date)).isEqualTo(expected);
    }

    @Test
    void shouldWriteTimeAndDateInTheAgencysZone() {
        assertThat(VietnameseDates.timeAndDate(Instant.parse("2026-11-23T21:05:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")))
                .isEqualTo("04 giờ 05 phút, ngày 24/11/2026");
    }
}
