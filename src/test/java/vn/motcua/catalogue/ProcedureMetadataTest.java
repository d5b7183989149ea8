package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import vn.motcua.documents.DocumentsProperties;
import vn.motcua.unit.UnitLevel;

/** How the catalogue reads the submission channels and the fee note of a procedure model. */
class ProcedureMetadataTest {

    private static final DocumentsProperties LIMITS = new DocumentsProperties(null, null, null, null, null, null, null);

    @Test
    void shouldOfferOnlyTheCounterWhenModelSaysSo() throws IOException {
        Procedure copy = read("certified-copy.bpmn", "certified_copy", model -> model).orElseThrow();

        assertThat(copy.channels()).containsExactly(SubmissionChannel.COUNTER);
        assertThat(copy.resultChannels()).containsExactly(ResultChannel.COUNTER);
        assertThat(copy.feeNote()).startsWith("Theo số trang: 2.000 đồng/trang");
        assertThat(copy.timeLimits().legal().unit()).isEqualTo(Allowance.Unit.SAME_DAY);
    }

    @Test
    void shouldOfferEveryChannelWithoutFeeNoteWhenModelSaysNothing() throws IOException {
        Procedure household = read("household-business-registration.bpmn", "household_business_registration",
                model -> model).orElseThrow();

        assertThat(household.channels()).isEqualTo(EnumSet.allOf(SubmissionChannel.class));
        assertThat(household.feeNote()).isNull();
    }

    @Test
    void shouldRefuseWhollyOnlineProcedureThatTakesNoOnlineDossier() {
        assertThatThrownBy(() -> read("certified-copy.bpmn", "certified_copy",
                model -> model.replace("value=\"PARTIALLY_ONLINE\"", "value=\"WHOLLY_ONLINE\"")))
                .isInstanceOf(InvalidProcedureException.class)
                .hasMessageStartingWith("certified-copy.bpmn (process certified_copy): procedure.channels [COUNTER]")
                .hasMessageContaining("set procedure.onlineLevel to PARTIALLY_ONLINE");
    }

    @Test
    void shouldRefuseUnknownChannel() {
        assertThatThrownBy(() -> read("certified-copy.bpmn", "certified_copy",
                model -> model.replace("\"procedure.channels\" value=\"COUNTER\"", "\"procedure.channels\" value=\"FAX\"")))
                .isInstanceOf(InvalidProcedureException.class)
                .hasMessageContaining("procedure.channels must be one of [ONLINE, COUNTER, POST], not 'FAX'");
    }

    @Test
    void shouldReadWhereATravellingProcedureIsReceivedAndWhoDecides() throws IOException {
        Procedure change = read("household-business-change.bpmn", "household_business_change", model -> model).orElseThrow();

        assertThat(change.unitLevel()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(change.routing().travels()).isTrue();
        assertThat(change.routing().decidedByParent()).isTrue();
        assertThat(change.routing().receivesAt("000.31.15.H26", UnitLevel.COMMUNE)).isTrue();
        assertThat(change.routing().receivesAt("000.00.15.H26", UnitLevel.DISTRICT)).as("the district's own desk").isFalse();
    }

    @Test
    void shouldReceiveAndDecideAtTheProceduresLevelWhenTheModelSaysNothing() throws IOException {
        Procedure household = read("household-business-registration.bpmn", "household_business_registration",
                model -> model).orElseThrow();

        assertThat(household.routing().travels()).isFalse();
        assertThat(household.routing().receivesAt("000.00.15.H26", UnitLevel.DISTRICT)).isTrue();
        assertThat(household.routing().receivesAt("000.31.15.H26", UnitLevel.COMMUNE)).isFalse();
    }

    @Test
    void shouldReceiveAtOneNamedUnitAndLetANamedDepartmentDecide() throws IOException {
        Procedure named = read("household-business-change.bpmn", "household_business_change", model -> model
                .replace("value=\"COMMUNE\"", "value=\"000.31.15.H26\"")
                .replace("\"procedure.decidedBy\" value=\"PARENT\"", "\"procedure.decidedBy\" value=\"000.00.12.H26\"")
                .replace("\"procedure.unitLevel\" value=\"DISTRICT\"", "\"procedure.unitLevel\" value=\"PROVINCE\""))
                .orElseThrow();

        assertThat(named.routing().receivingUnit()).isEqualTo("000.31.15.H26");
        assertThat(named.routing().decidingUnit()).isEqualTo("000.00.12.H26");
        assertThat(named.routing().receivesAt("000.32.15.H26", UnitLevel.COMMUNE)).as("another commune").isFalse();
    }

    @Test
    void shouldRefuseAParentThatIsNotAtTheProceduresLevel() {
        assertThatThrownBy(() -> read("household-business-change.bpmn", "household_business_change",
                model -> model.replace("\"procedure.unitLevel\" value=\"DISTRICT\"", "\"procedure.unitLevel\" value=\"PROVINCE\"")))
                .isInstanceOf(InvalidProcedureException.class)
                .hasMessageStartingWith("household-business-change.bpmn (process household_business_change): procedure.decidedBy PARENT")
                .hasMessageContaining("set procedure.receivedAt to DISTRICT");
    }

    @Test
    void shouldRefuseAReceivingLevelNobodyDecidesFor() {
        assertThatThrownBy(() -> read("household-business-change.bpmn", "household_business_change",
                model -> model.replace("<camunda:property name=\"procedure.decidedBy\" value=\"PARENT\" />", "")))
                .isInstanceOf(InvalidProcedureException.class)
                .hasMessageContaining("procedure.receivedAt COMMUNE differs from procedure.unitLevel DISTRICT")
                .hasMessageContaining("set procedure.decidedBy");
    }

    @Test
    void shouldRefuseADecidingUnitThatIsNeitherParentNorACode() {
        assertThatThrownBy(() -> read("household-business-change.bpmn", "household_business_change",
                model -> model.replace("\"procedure.decidedBy\" value=\"PARENT\"", "\"procedure.decidedBy\" value=\"the district\"")))
                .isInstanceOf(InvalidProcedureException.class)
                .hasMessageContaining("procedure.decidedBy must be PARENT (the receiving unit's parent) or one unit's code");
    }

    private static Optional<Procedure> read(String file, String key, UnaryOperator<String> edit) throws IOException {
        String xml = edit.apply(Files.readString(Path.of("processes/procedures", file)));
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getKey()).thenReturn(key);
        when(definition.getId()).thenReturn(key + ":1:1");
        when(definition.getVersion()).thenReturn(1);
        when(definition.getResourceName()).thenReturn(file);
        return ProcedureMetadata.read(definition, model, LIMITS);
    }
}
