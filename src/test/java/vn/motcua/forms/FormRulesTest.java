package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.forms.FormValidator.Mode.SUBMISSION;
import static vn.motcua.forms.FormValidator.Mode.TASK_COMPLETION;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormRulesTest {

    private static final FormValidator VALIDATOR = new FormValidator();
    private static final String RECEPTION = FormFixtures.json("reception-check.form");
    private static final Map<String, Object> ACCEPTED = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "ACCEPT");

    private final FormRules rules = new FormRules(VALIDATOR, 2);

    @Test
    void shouldFindNothingWhenValuesMeetTheForm() {
        assertThat(rules.check(RECEPTION, ACCEPTED, SUBMISSION)).isEmpty();
        assertThatCode(() -> rules.checkOrThrow(RECEPTION, ACCEPTED, SUBMISSION)).doesNotThrowAnyException();
    }

    @Test
    void shouldGiveTheSameAnswerWhenTheSameFormIsCheckedAgain() {
        Map<String, Object> incomplete = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "INCOMPLETE");

        assertThat(rules.check(RECEPTION, incomplete, SUBMISSION)).extracting(FieldViolation::field)
                .containsExactly("missingDocuments");
        assertThat(rules.check(RECEPTION, incomplete, SUBMISSION)).extracting(FieldViolation::field)
                .containsExactly("missingDocuments");
    }

    @Test
    void shouldUseTheNewRulesWhenTheFormJsonChanges() {
        String stricter = RECEPTION.replace("\"maxLength\": 100", "\"maxLength\": 3");

        assertThat(rules.check(RECEPTION, ACCEPTED, SUBMISSION)).isEmpty();
        assertThat(rules.check(stricter, ACCEPTED, SUBMISSION)).extracting(FieldViolation::code)
                .containsExactly("maxLength");
    }

    @Test
    void shouldStillCheckCorrectlyWhenMoreFormsAreUsedThanAreKept() {
        String other = FormFixtures.json("conditions.form");
        String third = FormFixtures.json("layout.form");

        for (int round = 0; round < 3; round++) {
            assertThat(rules.check(RECEPTION, ACCEPTED, SUBMISSION)).isEmpty();
            assertThat(rules.check(other, Map.of("resultChannel", "COUNTER", "remark", "-"), SUBMISSION)).isEmpty();
            assertThat(rules.check(third, Map.of(), TASK_COMPLETION)).hasSize(3);
        }
    }

    @Nested
    class WhenValuesOrFormAreWrong {

        @Test
        void shouldReturnViolationsWhenValuesBreakTheForm() {
            assertThat(rules.check(RECEPTION, Map.of("receptionOutcome", "ACCEPT", "status", "DONE"), SUBMISSION))
                    .extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(
                            tuple("applicantName", "required"),
                            tuple("status", "unknownField"));
        }

        @Test
        void shouldThrowListingEveryViolationWhenCheckOrThrowFindsSome() {
            assertThatThrownBy(() -> rules.checkOrThrow(RECEPTION, Map.of("receptionOutcome", "INCOMPLETE"), SUBMISSION))
                    .isInstanceOfSatisfying(FormViolationException.class, e -> {
                        assertThat(e.formId()).isEqualTo("reception-check");
                        assertThat(e.violations()).extracting(FieldViolation::field)
                                .containsExactly("applicantName", "missingDocuments");
                    })
                    .hasMessage("Values break 2 rule(s) of form reception-check: "
                            + "applicantName [required] Trường bắt buộc / This field is required; "
                            + "missingDocuments [required] Trường bắt buộc / This field is required");
        }

        @Test
        void shouldRefuseTheFormWhenItsJsonIsMalformed() {
            assertThatThrownBy(() -> rules.check("{\"components\": []}", ACCEPTED, SUBMISSION))
                    .isInstanceOf(InvalidFormSchemaException.class)
                    .hasMessage("Form schema has no id");
            assertThatThrownBy(() -> rules.check(null, ACCEPTED, SUBMISSION))
                    .isInstanceOf(InvalidFormSchemaException.class);
        }
    }
}
