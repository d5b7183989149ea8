package vn.motcua.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Known answers computed outside Java (FIPS 180-2 for SHA-256, Python's hmac module for the signatures). */
class DigestsTest {

    @Test
    void shouldGiveTheStandardSha256OfText() {
        assertThat(Digests.sha256Hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldSignTheTimestampADotAndTheBody() {
        assertThat(Digests.hex(Digests.timestampedHmac("Jefe", "1700000000",
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("1cdd0650c8be1cb0974b1788d458b1e781206cfef59b85faafc582d2e182c57e");
    }

    @Test
    void shouldReadTheSecretAsUtf8() {
        assertThat(Digests.hex(Digests.timestampedHmac("khóa bí mật", "42",
                "{\"soTien\":100000}".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("6267a55d09205b9c0eab21da86632c03af81e42d8466d71d26e522cc96596318");
    }

    @Test
    void shouldTellSignaturesApart() {
        assertThat(Digests.sameSignature("sha256=ab12", "sha256=ab12")).isTrue();
        assertThat(Digests.sameSignature("sha256=ab12", "sha256=ab13")).isFalse();
        assertThat(Digests.sameSignature("sha256=ab12", null)).isFalse();
    }
}
