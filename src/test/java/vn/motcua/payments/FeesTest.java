package vn.motcua.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.documents.DocumentsProperties;

/** The fee rule on the shipped household model, with a fee table and an exemption added as an analyst would. */
class FeesTest {

    private static final String FILE = "processes/procedures/household-business-registration.bpmn";
    private static final String KEY = "household_business_registration";

    private final PaymentsEngine engine = mock(PaymentsEngine.class);
    private final Fees fees = new Fees(engine);

    @Test
    void shouldChargeTheFixedFeeWhenThereIsNothingElse() {
        FeeQuote quote = fees.quote(procedure(Map.of()), Map.of("ownershipType", "INDIVIDUAL"));

        assertThat(quote).isEqualTo(new FeeQuote(KEY, 100000, 0, null, 100000, "BEFORE_PROCESSING"));
    }

    @Test
    void shouldAddWhatTheTableDecides() {
        when(engine.evaluateFee(eq("household_extra"), any())).thenReturn(20000L);

        FeeQuote quote = fees.quote(procedure(Map.of("procedure.feeDecision", "household_extra")),
                Map.of("ownershipType", "FAMILY"));

        assertThat(quote.decided()).isEqualTo(20000);
        assertThat(quote.amount()).isEqualTo(120000);
    }

    @Test
    void shouldChargeNothingAndSayWhyWhenAnExemptionApplies() {
        Procedure procedure = procedure(Map.of("procedure.feeExemption.family",
                "ownershipType = FAMILY | Hộ gia đình (ví dụ) / Family household (example)"));

        assertThat(fees.quote(procedure, Map.of("ownershipType", "FAMILY")))
                .extracting(FeeQuote::amount, FeeQuote::exemptionReason)
                .containsExactly(0L, "Hộ gia đình (ví dụ) / Family household (example)");
        assertThat(fees.quote(procedure, Map.of("ownershipType", "INDIVIDUAL")).amount()).isEqualTo(100000);
    }

    @Test
    void shouldRefuseAQuoteWhenTheTableDecidesNothing() {
        when(engine.evaluateFee(eq("household_extra"), any())).thenReturn(null);

        assertThatThrownBy(() -> fees.quote(procedure(Map.of("procedure.feeDecision", "household_extra")), Map.of()))
                .isInstanceOf(Fees.NoFeeDecided.class);
    }

    private static Procedure procedure(Map<String, String> extra) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(FILE).toFile());
        Process process = model.getModelElementById(KEY);
        CamundaProperties properties = process.getExtensionElements().getElementsQuery()
                .filterByType(CamundaProperties.class).singleResult();
        extra.forEach((name, value) -> {
            CamundaProperty property = model.newInstance(CamundaProperty.class);
            property.setCamundaName(name);
            property.setCamundaValue(value);
            properties.addChildElement(property);
        });
        return ProcedureCatalogue.readModel(FILE, KEY, model, new DocumentsProperties(null, null, null, null, null, null, null))
                .orElseThrow();
    }
}
