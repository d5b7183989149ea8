package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LookupSecretsTest {

    @Test
    void shouldWriteOneHundredRandomBitsAsFourGroupsOfFive() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = LookupSecrets.generate();
            assertThat(secret).matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}");
            seen.add(secret);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void shouldMatchTheSecretHoweverItIsTyped() {
        String hash = LookupSecrets.hash("7KQ2M-XW9TD-01AB5-ZZ1Y0");

        assertThat(LookupSecrets.matches("7KQ2M-XW9TD-01AB5-ZZ1Y0", hash)).isTrue();
        assertThat(LookupSecrets.matches("7kq2m xw9td oiab5 zzly0", hash)).isTrue();
        assertThat(LookupSecrets.matches("7KQ2MXW9TD01AB5ZZ1Y0", hash)).isTrue();
        assertThat(LookupSecrets.matches("7KQ2M-XW9TD-01AB5-ZZ1Y1", hash)).isFalse();
        assertThat(LookupSecrets.matches("", hash)).isFalse();
        assertThat(LookupSecrets.matches(null, hash)).isFalse();
    }

    @Test
    void shouldNeverMatchWhenNoHashIsStored() {
        assertThat(LookupSecrets.matches("", null)).isFalse();
        assertThat(LookupSecrets.matches("AAAAA-AAAAA-AAAAA-AAAAA", null)).isFalse();
    }

    @Test
    void shouldStoreOnlyAHash() {
        String secret = LookupSecrets.generate();
        assertThat(LookupSecrets.hash(secret)).hasSize(64).doesNotContain(secret.replace("-", ""));
    }
}
