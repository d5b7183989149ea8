package vn.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fee decision tables under processes/fees, every rule and its edges. */
class FeeTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static DmnDecision certifiedCopyFee;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream table = Files.newInputStream(Path.of("processes/fees/certified-copy-fee.dmn"))) {
            certifiedCopyFee = DMN.parseDecision("certified_copy_fee", table);
        }
    }

    /** Circular 226/2016/TT-BTC: VND 2,000 a page, 1,000 from the third page, at most 200,000 a copy. */
    @ParameterizedTest(name = "{0} page(s) x {1} cop(y/ies) -> VND {2} ({3})")
    @CsvSource({
            "1, 1, 2000, rule_one_or_two_pages",
            "2, 1, 4000, rule_one_or_two_pages",
            "2, 3, 12000, rule_one_or_two_pages",
            "3, 1, 5000, rule_from_third_page",
            "10, 2, 24000, rule_from_third_page",
            "197, 1, 199000, rule_from_third_page",
            // 4,000 + 1,000 x 196 = 200,000: the cap from here on
            "198, 1, 200000, rule_cap_per_copy",
            "500, 3, 600000, rule_cap_per_copy"})
    void shouldChargeByPageWithCapPerCopy(int pages, int copies, long fee, String rule) {
        DmnDecisionTableResult result = DMN.evaluateDecisionTable(certifiedCopyFee,
                Variables.createVariables().putValue("pages", pages).putValue("copies", copies));

        assertThat(result.getResultList()).hasSize(1);
        assertThat((Object) result.getSingleEntry()).isEqualTo(fee);
    }

    @Test
    void shouldDecideNothingWhenNoPageOrNoCopy() {
        assertThat(DMN.evaluateDecisionTable(certifiedCopyFee,
                Variables.createVariables().putValue("pages", 0).putValue("copies", 1)).getResultList()).isEmpty();
        assertThat(DMN.evaluateDecisionTable(certifiedCopyFee,
                Variables.createVariables().putValue("pages", 3).putValue("copies", 0)).getResultList()).isEmpty();
    }
}
