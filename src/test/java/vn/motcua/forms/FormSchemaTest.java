package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.motcua.forms.FormField.Limit;
import vn.motcua.forms.FormField.Option;

class FormSchemaTest {

    @Test
    void shouldReadIdVersionAndFieldsInFormOrderWhenParsingAModelerForm() {
        FormSchema form = FormFixtures.form("reception-check.form");

        assertThat(form.id()).isEqualTo("reception-check");
        assertThat(form.schemaVersion()).isEqualTo(16);
        assertThat(form.fields()).extracting(FormField::key)
                .containsExactly("applicantName", "receptionOutcome", "missingDocuments");
        FormField name = form.fields().get(0);
        assertThat(name.type()).isEqualTo("textfield");
        assertThat(name.label()).isEqualTo("Họ và tên");
        assertThat(name.validate().required()).isTrue();
        assertThat(name.validate().maxLength()).isEqualTo(Limit.of(new BigDecimal("100")));
        assertThat(form.fields().get(1).options()).containsExactly(
                new Option("Đầy đủ", "ACCEPT"), new Option("Chưa đầy đủ", "INCOMPLETE"));
        assertThat(form.fields().get(2).hideWhen()).containsExactly("=receptionOutcome != \"INCOMPLETE\"");
    }

    @Test
    void shouldLeaveOutLayoutComponentsAndPrefixGroupPathsWhenFormIsNested() {
        FormSchema form = FormFixtures.form("layout.form");

        assertThat(form.fields()).extracting(FormField::key).containsExactly(
                "applicantName", "address.street", "address.area.ward", "members", "totalCapital");
    }

    @Test
    void shouldKnowDynamicListByItsPathWithoutItsRowsWhenParsing() {
        FormField members = field(FormFixtures.form("layout.form"), "members");

        assertThat(members.type()).isEqualTo("dynamiclist");
        assertThat(members.validate()).isEqualTo(FormField.Validation.NONE);
    }

    @Test
    void shouldMarkOptionsDynamicWhenTheyComeFromValuesKeyOrValuesExpression() {
        FormSchema form = FormFixtures.form("field-rules.form");

        assertThat(field(form, "ward").dynamicOptions()).isTrue();
        assertThat(field(form, "labels").dynamicOptions()).isTrue();
        assertThat(field(form, "resultChannel").dynamicOptions()).isFalse();
        assertThat(field(form, "copies").options()).extracting(Option::value).containsExactly("1", "2");
    }

    @Test
    void shouldReadFlagsWhenFieldIsReadonlyOrDisabled() {
        FormSchema form = FormFixtures.form("field-rules.form");

        assertThat(field(form, "dossierCode").readonly()).isTrue();
        assertThat(field(form, "receivingUnit").disabled()).isTrue();
        assertThat(field(form, "capital").readonly()).isFalse();
    }

    @Test
    void shouldKeepExpressionsWhenReadonlyOrLimitIsFeel() {
        FormSchema form = FormFixtures.form("conditions.form");

        FormField originalCode = field(form, "originalCode");
        assertThat(originalCode.readonly()).isFalse();
        assertThat(originalCode.readonlyExpression()).isEqualTo("=resultChannel = \"COUNTER\"");
        assertThat(field(form, "deliveryAddress").validate().maxLength()).isEqualTo(Limit.of("=addressLimit"));
    }

    @Test
    void shouldInheritTheGroupsHideConditionWhenFieldIsInsideAConditionalGroup() {
        FormField address = field(FormFixtures.form("conditions.form"), "deliveryAddress");

        assertThat(address.hideWhen()).containsExactly("=resultChannel != \"POST\"");
    }

    @Test
    void shouldReadDefaultValueAsPlainJavaWhenGiven() {
        FormSchema form = FormSchema.parse(minimal("""
                {"type":"checklist","key":"docs","values":[{"label":"A","value":"A"}],"defaultValue":["A"]},
                {"type":"number","key":"count","defaultValue":3}"""));

        assertThat(field(form, "docs").defaultValue()).isEqualTo(List.of("A"));
        assertThat(field(form, "count").defaultValue()).isEqualTo(3);
    }

    @Test
    void shouldAcceptMissingSchemaVersionWhenFormIsOld() {
        FormSchema form = FormSchema.parse("""
                {"id":"old","components":[{"type":"textfield","key":"name"}]}""");

        assertThat(form.schemaVersion()).isZero();
        assertThat(form.fields()).hasSize(1);
    }

    @Test
    void shouldParseEveryFormWhenReadingTheFormsShippedWithTheApplication() throws IOException, URISyntaxException {
        Path shipped = Path.of(FormSchemaTest.class.getResource("/forms").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(shipped)) {
            files = walk.filter(path -> path.toString().endsWith(".form")).toList();
        }

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            FormSchema form = FormSchema.parse(Files.readString(file));
            assertThat(form.fields()).as(file.toString()).isNotEmpty();
        }
    }

    @Nested
    class WhenSchemaIsMalformed {

        @Test
        void shouldRefuseWhenJsonIsBroken() {
            assertThatThrownBy(() -> FormSchema.parse("{\"id\": \"x\", \"components\": ["))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessageStartingWith("Form schema is not valid JSON");
        }

        @Test
        void shouldRefuseWhenJsonIsEmptyOrNull() {
            assertThatThrownBy(() -> FormSchema.parse(" ")).isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form schema is empty");
            assertThatThrownBy(() -> FormSchema.parse(null)).isInstanceOf(InvalidFormSchemaException.class);
        }

        @Test
        void shouldRefuseWhenJsonIsNotAnObject() {
            assertThatThrownBy(() -> FormSchema.parse("[1, 2]"))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form schema is not a JSON object");
        }

        @Test
        void shouldRefuseWhenIdIsMissing() {
            assertThatThrownBy(() -> FormSchema.parse("{\"components\": []}"))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form schema has no id");
        }

        @Test
        void shouldRefuseWhenComponentsAreMissing() {
            assertThatThrownBy(() -> FormSchema.parse("{\"id\": \"x\", \"schemaVersion\": 16}"))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form x has no components array");
        }

        @Test
        void shouldRefuseWhenSchemaVersionIsNewerThanSupported() {
            assertThatThrownBy(() -> FormSchema.parse("{\"id\": \"x\", \"schemaVersion\": 17, \"components\": []}"))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form x: schemaVersion 17 is newer than the supported 16");
        }

        @Test
        void shouldRefuseWhenComponentHasNoType() {
            assertThatThrownBy(() -> FormSchema.parse(minimal("{\"key\": \"name\"}")))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form test: component components[0] has no type");
        }

        @Test
        void shouldRefuseWhenInputFieldHasNoKey() {
            assertThatThrownBy(() -> FormSchema.parse(minimal("{\"type\": \"textfield\", \"id\": \"Field_1\"}")))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form test: component Field_1 (textfield) has no key");
        }

        @Test
        void shouldRefuseWhenPatternIsNotARegularExpression() {
            assertThatThrownBy(() -> FormSchema.parse(minimal(
                    "{\"type\": \"textfield\", \"key\": \"code\", \"id\": \"Field_code\", \"validate\": {\"pattern\": \"[0-9\"}}")))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessageStartingWith("Form test: component Field_code has a pattern Java cannot read");
        }

        @Test
        void shouldRefuseWhenLimitIsNeitherNumberNorExpression() {
            assertThatThrownBy(() -> FormSchema.parse(minimal(
                    "{\"type\": \"textfield\", \"key\": \"code\", \"id\": \"Field_code\", \"validate\": {\"maxLength\": \"many\"}}")))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessageContaining("has a maxLength that is neither a number nor an expression");
        }

        @Test
        void shouldRefuseWhenOptionHasNoValue() {
            assertThatThrownBy(() -> FormSchema.parse(minimal(
                    "{\"type\": \"radio\", \"key\": \"choice\", \"id\": \"Field_choice\", \"values\": [{\"label\": \"A\"}]}")))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form test: component Field_choice has an option without a plain value at values[0]");
        }
    }

    private static FormField field(FormSchema form, String key) {
        return form.fields().stream().filter(field -> field.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("No field " + key + " in " + form.id()));
    }

    private static String minimal(String components) {
        return "{\"id\": \"test\", \"schemaVersion\": 16, \"type\": \"default\", \"components\": [" + components + "]}";
    }
}
