package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.motcua.documents.DocumentType;
import vn.motcua.documents.DocumentsProperties;

class DocumentSlotsTest {

    private static final DocumentsProperties LIMITS = new DocumentsProperties(null, Set.of(DocumentType.PDF,
            DocumentType.PNG), DataSize.ofMegabytes(5), DataSize.ofMegabytes(20), null, null, null);

    @Test
    void shouldReadSlotsInTheModelsOrderWithDefaults() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("procedure.code", "2.000720");
        properties.put("procedure.document.applicationForm",
                "Giấy đề nghị | Application | required | pdf, DOCX, jpg | 2MB");
        properties.put("procedure.document.identityPapers", "Bản sao CCCD | Identity cards | optional");
        properties.put("procedure.document.minutes",
                "Biên bản họp | Minutes | required if ownershipType = FAMILY, GROUP | | 512KB");

        List<DocumentSlot> slots = read(properties);

        assertThat(slots).extracting(DocumentSlot::id).containsExactly("applicationForm", "identityPapers", "minutes");
        DocumentSlot form = slots.get(0);
        assertThat(form.name()).isEqualTo("Giấy đề nghị");
        assertThat(form.nameEn()).isEqualTo("Application");
        assertThat(form.required()).isTrue();
        assertThat(form.types()).containsExactlyInAnyOrder(DocumentType.PDF, DocumentType.DOCX, DocumentType.JPEG);
        assertThat(form.maxSizeBytes()).isEqualTo(2 * 1024 * 1024);
        DocumentSlot identity = slots.get(1);
        assertThat(identity.required()).isFalse();
        assertThat(identity.types()).isEqualTo(LIMITS.defaultTypes());
        assertThat(identity.maxSizeBytes()).isEqualTo(LIMITS.defaultMaxSize().toBytes());
        DocumentSlot minutes = slots.get(2);
        assertThat(minutes.requiredWhen()).isEqualTo(new DocumentSlot.Condition("ownershipType", List.of("FAMILY", "GROUP")));
        assertThat(minutes.types()).isEqualTo(LIMITS.defaultTypes());
        assertThat(minutes.maxSizeBytes()).isEqualTo(512 * 1024);
        assertThat(minutes.requiredFor(Map.of("ownershipType", "FAMILY"))).isTrue();
        assertThat(minutes.requiredFor(Map.of("ownershipType", "INDIVIDUAL"))).isFalse();
        assertThat(minutes.requiredFor(Map.of())).isFalse();
    }

    @Nested
    class Refused {

        @Test
        void shouldNameFilePropertyAndProblemWhenTypeIsUnknown() {
            assertRefused("procedure.document.applicationForm", "A | B | required | pdf, exe",
                    "household.bpmn (process household_business_registration): extension property"
                            + " procedure.document.applicationForm: unknown file type 'exe'");
        }

        @Test
        void shouldRefuseTooFewParts() {
            assertRefused("procedure.document.applicationForm", "Giấy đề nghị | required", "expected 'Vietnamese name");
        }

        @Test
        void shouldRefuseUnknownRequirement() {
            assertRefused("procedure.document.applicationForm", "A | B | mandatory", "'mandatory'");
        }

        @Test
        void shouldRefuseUnreadableSize() {
            assertRefused("procedure.document.applicationForm", "A | B | required | pdf | ten megabytes",
                    "'ten megabytes'");
        }

        @Test
        void shouldRefuseSizeAboveTheServersLimit() {
            assertRefused("procedure.document.applicationForm", "A | B | required | pdf | 50MB",
                    "motcua.documents.max-file-size");
        }

        @Test
        void shouldRefuseIdThatIsNoPartName() {
            assertRefused("procedure.document.giấy-tờ", "A | B | required", "slot id 'giấy-tờ'");
            assertRefused("procedure.document.submission", "A | B | required", "slot id 'submission'");
        }

        @Test
        void shouldRefuseBlankNames() {
            assertRefused("procedure.document.applicationForm", " | B | required", "must not be blank");
        }

        private void assertRefused(String property, String value, String message) {
            assertThatThrownBy(() -> read(Map.of(property, value)))
                    .isInstanceOf(InvalidProcedureException.class)
                    .hasMessageContaining("household.bpmn")
                    .hasMessageContaining(property)
                    .hasMessageContaining(message);
        }
    }

    private static List<DocumentSlot> read(Map<String, String> properties) {
        return DocumentSlots.read("household.bpmn", "household_business_registration", properties, LIMITS);
    }
}
