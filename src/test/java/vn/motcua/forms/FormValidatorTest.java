package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.forms.FormValidator.Mode.SUBMISSION;
import static vn.motcua.forms.FormValidator.Mode.TASK_COMPLETION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormValidatorTest {

    // Building the FEEL engine takes a moment; one validator serves every test, as one bean serves the application.
    private static final FormValidator VALIDATOR = new FormValidator();

    private static final FormSchema RULES = FormFixtures.form("field-rules.form");
    private static final FormSchema RECEPTION = FormFixtures.form("reception-check.form");
    private static final FormSchema LAYOUT = FormFixtures.form("layout.form");
    private static final FormSchema CONDITIONS = FormFixtures.form("conditions.form");

    private static final String REQUIRED = "Trường bắt buộc / This field is required";

    @Test
    void shouldFindNothingWhenEveryRuleIsMet() {
        assertThat(VALIDATOR.validate(RULES, valid(), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldFindNothingWhenOnlyRequiredFieldsAreGiven() {
        Map<String, Object> values = Map.of("capital", 0, "declaration", true, "attachments", List.of("LEASE"));

        assertThat(VALIDATOR.validate(RULES, values, SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptNumberWhenGivenAsNumericString() {
        assertThat(VALIDATOR.validate(RULES, with("capital", "1000000.5"), SUBMISSION)).isEmpty();
        assertThat(VALIDATOR.validate(RULES, with("capital", " 250 "), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptNumberWhenItEqualsMinOrMax() {
        assertThat(VALIDATOR.validate(RULES, with("capital", 0L), SUBMISSION)).isEmpty();
        assertThat(VALIDATOR.validate(RULES, with("capital", new BigDecimal("1000000.50")), SUBMISSION)).isEmpty();
        assertThat(VALIDATOR.validate(RULES, with("capital", 1000000.5d), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldCountCodePointsWhenMeasuringLength() {
        // Five characters, six UTF-16 units: the emoji is a surrogate pair.
        assertThat(VALIDATOR.validate(RULES, with("note", "Việt😀"), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldMeasureTrimmedTextWhenCheckingLength() {
        assertThat(VALIDATOR.validate(RULES, with("note", "  Gấp!  "), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptTextContainingThePatternWhenPatternIsNotAnchored() {
        // As form-js's RegExp.test: an unanchored pattern only has to occur in the value.
        assertThat(VALIDATOR.validate(RULES, with("trackingCode", "RR1234VN"), SUBMISSION)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "+84 912 345 678", "(024) 3825 1234", "024.3825.1234", "1900-1234"})
    void shouldAcceptPhoneWhenWrittenTheVietnameseWay(String phone) {
        assertThat(VALIDATOR.validate(RULES, with("phone", phone), SUBMISSION)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"an@example.vn", "nguyen.van.a+hoso@dichvucong.gov.vn", "X_Y@mail-server.example.com"})
    void shouldAcceptEmailWhenItLooksLikeAnAddress(String email) {
        assertThat(VALIDATOR.validate(RULES, with("email", email), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptAnyValueWhenOptionsAreDynamic() {
        Map<String, Object> values = with("ward", "any-ward-code");
        values.put("labels", List.of("x", "y"));

        assertThat(VALIDATOR.validate(RULES, values, SUBMISSION)).isEmpty();
    }

    @Test
    void shouldMatchOptionWhenNumberOptionIsGivenAsNumberOrText() {
        assertThat(VALIDATOR.validate(RULES, with("copies", 1), SUBMISSION)).isEmpty();
        assertThat(VALIDATOR.validate(RULES, with("copies", "2"), SUBMISSION)).isEmpty();
        assertThat(VALIDATOR.validate(RULES, with("copies", 2.0d), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptUncheckedCheckboxWhenItIsNotRequired() {
        assertThat(VALIDATOR.validate(RULES, with("subscribe", false), SUBMISSION)).isEmpty();
    }

    @Test
    void shouldAcceptEmptyOptionalFieldsWhenBlankOrEmpty() {
        Map<String, Object> values = with("note", "  ");
        values.put("businessLines", List.of());
        values.put("resultChannel", null);
        values.put("email", "");

        assertThat(VALIDATOR.validate(RULES, values, SUBMISSION)).isEmpty();
    }

    @Test
    void shouldValidateFieldsInsideGroupsWhenValuesAreNested() {
        Map<String, Object> values = Map.of(
                "applicantName", "Trần Thị B",
                "address", Map.of("street", "12 Phố Huế", "area", Map.of("ward", "00004")));

        assertThat(VALIDATOR.validate(LAYOUT, values, SUBMISSION)).isEmpty();
    }

    @Test
    void shouldValidateFieldsInsideGroupsWhenValuesUseDottedKeys() {
        Map<String, Object> values = Map.of(
                "applicantName", "Trần Thị B", "address.street", "12 Phố Huế", "address.area.ward", "00004");

        assertThat(VALIDATOR.validate(LAYOUT, values, TASK_COMPLETION)).isEmpty();
    }

    @Test
    void shouldAcceptDynamicListAndExpressionWithoutCheckingThemWhenSubmitting() {
        Map<String, Object> values = Map.of(
                "applicantName", "Trần Thị B",
                "address", Map.of("street", "12 Phố Huế", "area", Map.of("ward", "00004")),
                "members", List.of(Map.of("name", ""), Map.of("anything", 1)),
                "totalCapital", 100);

        assertThat(VALIDATOR.validate(LAYOUT, values, SUBMISSION)).isEmpty();
    }

    @Test
    void shouldTreatMissingValuesAsEmptyWhenMapIsNull() {
        assertThat(VALIDATOR.validate(RECEPTION, null, TASK_COMPLETION)).extracting(FieldViolation::field)
                .containsExactly("applicantName", "receptionOutcome");
    }

    @Nested
    class WhenRequiredFieldIsEmpty {

        @Test
        void shouldReportRequiredWhenValueIsMissing() {
            assertThat(VALIDATOR.validate(RULES, without("capital"), SUBMISSION))
                    .containsExactly(new FieldViolation("capital", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenValueIsNull() {
            assertThat(VALIDATOR.validate(RULES, with("capital", null), SUBMISSION))
                    .containsExactly(new FieldViolation("capital", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenTextIsBlank() {
            assertThat(VALIDATOR.validate(RECEPTION, Map.of("applicantName", "   ", "receptionOutcome", "ACCEPT"),
                    SUBMISSION)).containsExactly(new FieldViolation("applicantName", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenListIsEmpty() {
            assertThat(VALIDATOR.validate(RULES, with("attachments", List.of()), SUBMISSION))
                    .containsExactly(new FieldViolation("attachments", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenRequiredCheckboxIsUnchecked() {
            assertThat(VALIDATOR.validate(RULES, with("declaration", false), SUBMISSION))
                    .containsExactly(new FieldViolation("declaration", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenRequiredRadioIsNotChosen() {
            assertThat(VALIDATOR.validate(RECEPTION, Map.of("applicantName", "Lê Văn C"), SUBMISSION))
                    .containsExactly(new FieldViolation("receptionOutcome", "required", REQUIRED));
        }

        @Test
        void shouldReportRequiredWhenFieldInsideGroupIsMissing() {
            Map<String, Object> values = Map.of("applicantName", "Trần Thị B", "address", Map.of("street", "12 Phố Huế"));

            assertThat(VALIDATOR.validate(LAYOUT, values, SUBMISSION))
                    .containsExactly(new FieldViolation("address.area.ward", "required", REQUIRED));
        }
    }

    @Nested
    class WhenValueHasTheWrongType {

        @Test
        void shouldReportTypeWhenTextFieldGetsANumber() {
            assertThat(VALIDATOR.validate(RULES, with("idNumber", 1203004567L), SUBMISSION))
                    .containsExactly(new FieldViolation("idNumber", "type", "Phải là chuỗi ký tự / Must be text"));
        }

        @Test
        void shouldReportTypeWhenNumberFieldGetsText() {
            assertThat(VALIDATOR.validate(RULES, with("capital", "năm trăm"), SUBMISSION))
                    .containsExactly(new FieldViolation("capital", "type", "Phải là số / Must be a number"));
        }

        @Test
        void shouldReportTypeWhenNumberUsesADecimalComma() {
            assertThat(VALIDATOR.validate(RULES, with("capital", "1,5"), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
        }

        @Test
        void shouldReportTypeWhenNumberIsNotFinite() {
            assertThat(VALIDATOR.validate(RULES, with("capital", Double.NaN), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
            assertThat(VALIDATOR.validate(RULES, with("capital", Double.POSITIVE_INFINITY), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
        }

        @Test
        void shouldReportTypeWhenNumberIsBeyondWhatAFormHoldsExactly() {
            assertThat(VALIDATOR.validate(RULES, with("area", 1e300), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
            assertThat(VALIDATOR.validate(RULES, with("employees", new java.math.BigInteger("1" + "0".repeat(30))), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
        }

        @Test
        void shouldKeepAWholeNumberFieldWhole() {
            assertThat(VALIDATOR.validate(RULES, with("employees", 12), SUBMISSION)).isEmpty();
            assertThat(VALIDATOR.validate(RULES, with("employees", 1.5), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("decimalDigits");
            // 12.0 is whole, but as a JSON float it would make the variable a Double.
            assertThat(VALIDATOR.validate(RULES, with("employees", 12.0), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("decimalDigits");
        }

        @Test
        void shouldAllowNoMoreDecimalsThanTheField() {
            assertThat(VALIDATOR.validate(RULES, with("area", 85.25), SUBMISSION)).isEmpty();
            assertThat(VALIDATOR.validate(RULES, with("area", 85), SUBMISSION)).isEmpty();
            assertThat(VALIDATOR.validate(RULES, with("area", 85.125), SUBMISSION)).containsExactly(new FieldViolation(
                    "area", "decimalDigits", "Tối đa 2 chữ số thập phân / At most 2 decimal digits"));
        }

        @Test
        void shouldReportTypeWhenCheckboxGetsText() {
            assertThat(VALIDATOR.validate(RULES, with("declaration", "true"), SUBMISSION)).containsExactly(
                    new FieldViolation("declaration", "type", "Phải là đúng hoặc sai / Must be true or false"));
        }

        @Test
        void shouldReportTypeWhenChecklistGetsASingleValue() {
            assertThat(VALIDATOR.validate(RULES, with("attachments", "LEASE"), SUBMISSION))
                    .containsExactly(new FieldViolation("attachments", "type", "Phải là danh sách / Must be a list"));
        }

        @Test
        void shouldReportTypeWhenRadioGetsAList() {
            assertThat(VALIDATOR.validate(RULES, with("resultChannel", List.of("POST")), SUBMISSION)).containsExactly(
                    new FieldViolation("resultChannel", "type", "Phải là một giá trị đơn / Must be a single value"));
        }

        @Test
        void shouldReportTypeWhenDatetimeGetsANumber() {
            assertThat(VALIDATOR.validate(RULES, with("appointment", 20251103), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("type");
        }
    }

    @Nested
    class WhenTextBreaksItsRules {

        @Test
        void shouldReportMinLengthNamingTheLimitWhenTextIsTooShort() {
            assertThat(VALIDATOR.validate(RULES, with("idNumber", "12345678"), SUBMISSION)).containsExactly(
                    new FieldViolation("idNumber", "minLength", "Tối thiểu 9 ký tự / At least 9 characters"));
        }

        @Test
        void shouldReportMaxLengthNamingTheLimitWhenTextIsTooLong() {
            assertThat(VALIDATOR.validate(RULES, with("note", "Gấp lắm"), SUBMISSION)).containsExactly(
                    new FieldViolation("note", "maxLength", "Tối đa 5 ký tự / At most 5 characters"));
        }

        @Test
        void shouldReportMaxLengthWhenTextIsLongerThanTheFormAllows() {
            Map<String, Object> values = Map.of("applicantName", "Đ".repeat(101), "receptionOutcome", "ACCEPT");

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION)).containsExactly(
                    new FieldViolation("applicantName", "maxLength", "Tối đa 100 ký tự / At most 100 characters"));
        }

        @Test
        void shouldReportPatternInWordsNeverAsTheExpressionWhenTextDoesNotMatch() {
            assertThat(VALIDATOR.validate(RULES, with("idNumber", "00120300456X"), SUBMISSION)).containsExactly(
                    new FieldViolation("idNumber", "pattern",
                            "Chưa đúng định dạng của mục này / Not in the form this field expects"));
        }

        @Test
        void shouldSayHowManyDigitsADigitsPatternAsksFor() {
            assertThat(FormValidator.patternMessage("^[0-9]{12}$"))
                    .isEqualTo("Phải gồm đúng 12 chữ số / Must be exactly 12 digits");
            assertThat(FormValidator.patternMessage("^\\d{9,12}$"))
                    .isEqualTo("Phải gồm 9 đến 12 chữ số / Must be 9 to 12 digits");
        }

        @Test
        void shouldRefuseADateFieldValueThatIsNoDate() {
            FormSchema form = FormSchema.parse("""
                    {"id": "dates", "schemaVersion": 16, "components": [
                      {"type": "datetime", "subtype": "date", "key": "born", "dateLabel": "Ngày sinh"},
                      {"type": "datetime", "subtype": "time", "key": "at", "timeLabel": "Giờ"}]}
                    """);

            assertThat(VALIDATOR.validate(form, Map.of("born", "not-a-date", "at", "25:00"), SUBMISSION))
                    .extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("born", "date"),
                            org.assertj.core.groups.Tuple.tuple("at", "date"));
            assertThat(VALIDATOR.validate(form, Map.of("born", "31/12/2020"), SUBMISSION)).singleElement()
                    .extracting(FieldViolation::message).asString().startsWith("Ngày không hợp lệ, ghi theo dạng ngày/tháng/năm");
            assertThat(VALIDATOR.validate(form, Map.of("born", "2020-12-31", "at", "08:30"), SUBMISSION)).isEmpty();
            assertThat(form.fields().get(0).label()).isEqualTo("Ngày sinh");
        }

        @Test
        void shouldReportPatternWhenUnanchoredPatternOccursNowhere() {
            assertThat(VALIDATOR.validate(RULES, with("trackingCode", "RR12VN34"), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("pattern");
        }

        @Test
        void shouldReportEveryBrokenRuleWhenTextBreaksSeveral() {
            assertThat(VALIDATOR.validate(RULES, with("idNumber", "12-34"), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("minLength", "pattern");
        }

        @ParameterizedTest
        @ValueSource(strings = {"an", "an@", "@example.vn", "an@example", "an @example.vn", "an@exa mple.vn", " an@example.vn"})
        void shouldReportEmailWhenAddressIsMalformed(String email) {
            assertThat(VALIDATOR.validate(RULES, with("email", email), SUBMISSION)).containsExactly(
                    new FieldViolation("email", "email", "Địa chỉ thư điện tử không hợp lệ / Not a valid e-mail address"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"091234", "0912abc678", "((((((((((", "+84 912 345 678 999 99", "0912345678 ext 1"})
        void shouldReportPhoneWhenNumberIsMalformed(String phone) {
            assertThat(VALIDATOR.validate(RULES, with("phone", phone), SUBMISSION)).containsExactly(
                    new FieldViolation("phone", "phone", "Số điện thoại không hợp lệ / Not a valid phone number"));
        }
    }

    @Nested
    class WhenNumberIsOutOfRange {

        @Test
        void shouldReportMinNamingTheLimitWhenNumberIsBelow() {
            assertThat(VALIDATOR.validate(RULES, with("capital", -1), SUBMISSION)).containsExactly(
                    new FieldViolation("capital", "min", "Giá trị tối thiểu là 0 / Must be at least 0"));
        }

        @Test
        void shouldReportMaxNamingTheLimitWhenNumberIsAbove() {
            assertThat(VALIDATOR.validate(RULES, with("capital", "1000000.51"), SUBMISSION)).containsExactly(
                    new FieldViolation("capital", "max", "Giá trị tối đa là 1000000.5 / Must be at most 1000000.5"));
        }

        @Test
        void shouldCompareExactlyWhenNumberIsHuge() {
            assertThat(VALIDATOR.validate(RULES, with("capital", new BigDecimal("1e30")), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("max");
        }
    }

    @Nested
    class WhenValueIsNotAnOption {

        @Test
        void shouldReportOptionListingTheAllowedValuesWhenRadioValueIsUnknown() {
            Map<String, Object> values = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "MAYBE");

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION)).containsExactly(new FieldViolation(
                    "receptionOutcome", "option", "Chỉ chấp nhận: ACCEPT, INCOMPLETE / Allowed: ACCEPT, INCOMPLETE"));
        }

        @Test
        void shouldReportOptionWhenSelectValueIsUnknown() {
            assertThat(VALIDATOR.validate(RULES, with("resultChannel", "EMAIL"), SUBMISSION))
                    .extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(tuple("resultChannel", "option"));
        }

        @Test
        void shouldReportOptionWhenOptionIsMatchedOnlyByCase() {
            assertThat(VALIDATOR.validate(RULES, with("resultChannel", "post"), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("option");
        }

        @Test
        void shouldReportOptionWhenNumberIsNotAmongNumericOptions() {
            assertThat(VALIDATOR.validate(RULES, with("copies", 3), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("option");
        }

        @Test
        void shouldReportOptionWhenOneChecklistItemIsUnknown() {
            assertThat(VALIDATOR.validate(RULES, with("attachments", List.of("ID_COPY", "PASSPORT")), SUBMISSION))
                    .containsExactly(new FieldViolation("attachments", "option",
                            "Chỉ chấp nhận: ID_COPY, LEASE / Allowed: ID_COPY, LEASE"));
        }

        @Test
        void shouldReportOptionWhenChecklistHoldsANull() {
            assertThat(VALIDATOR.validate(RULES, with("attachments", Arrays.asList("LEASE", null)), SUBMISSION))
                    .extracting(FieldViolation::code).containsExactly("option");
        }

        @Test
        void shouldReportOptionWhenTaglistHoldsAnUnknownTag() {
            assertThat(VALIDATOR.validate(RULES, with("businessLines", List.of("MINING")), SUBMISSION))
                    .extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(tuple("businessLines", "option"));
        }

        @Test
        void shouldNameOnlyTheFirstOptionsWhenThereAreMany() {
            StringBuilder options = new StringBuilder();
            for (int i = 1; i <= 12; i++) {
                options.append(i > 1 ? "," : "").append("{\"label\":\"L").append(i).append("\",\"value\":\"V").append(i).append("\"}");
            }
            FormSchema form = FormSchema.parse("{\"id\":\"many\",\"schemaVersion\":16,\"components\":[{\"type\":\"select\","
                    + "\"key\":\"choice\",\"values\":[" + options + "]}]}");

            assertThat(VALIDATOR.validate(form, Map.of("choice", "V13"), SUBMISSION).get(0).message())
                    .isEqualTo("Chỉ chấp nhận: V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, … / Allowed: V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, …");
        }
    }

    @Nested
    class WhenConditionDecidesVisibility {

        @Test
        void shouldNotRequireHiddenFieldWhenConditionHidesIt() {
            Map<String, Object> values = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "ACCEPT");

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION)).isEmpty();
        }

        @Test
        void shouldRequireShownFieldWhenConditionShowsIt() {
            Map<String, Object> values = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "INCOMPLETE");

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION))
                    .containsExactly(new FieldViolation("missingDocuments", "required", REQUIRED));
        }

        @Test
        void shouldAcceptShownFieldWhenItIsFilledIn() {
            Map<String, Object> values = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "INCOMPLETE",
                    "missingDocuments", "Bản sao hợp đồng thuê nhà");

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION)).isEmpty();
        }

        @Test
        void shouldIgnoreValueOfHiddenFieldWhenSubmitting() {
            Map<String, Object> values = Map.of("applicantName", "Lê Văn C", "receptionOutcome", "ACCEPT",
                    "missingDocuments", 42);

            assertThat(VALIDATOR.validate(RECEPTION, values, SUBMISSION)).isEmpty();
        }

        @Test
        void shouldHideFieldWhenTheVariableItDependsOnIsMissing() {
            assertThat(VALIDATOR.validate(RECEPTION, Map.of("applicantName", "Lê Văn C"), TASK_COMPLETION))
                    .extracting(FieldViolation::field).containsExactly("receptionOutcome");
        }

        @Test
        void shouldNotRequireFieldsOfHiddenGroupWhenGroupConditionHidesIt() {
            Map<String, Object> values = Map.of("resultChannel", "COUNTER", "remark", "-");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION)).isEmpty();
        }

        @Test
        void shouldRequireFieldsOfShownGroupWhenGroupConditionShowsIt() {
            Map<String, Object> values = Map.of("resultChannel", "POST", "remark", "-");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION))
                    .containsExactly(new FieldViolation("deliveryAddress", "required", REQUIRED));
        }

        @Test
        void shouldTreatFieldAsShownWhenConditionCannotBeEvaluated() {
            Map<String, Object> values = Map.of("resultChannel", "COUNTER");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION))
                    .containsExactly(new FieldViolation("remark", "required", REQUIRED));
        }

        @Test
        void shouldEvaluateConditionAgainstProcessVariablesWhenCompletingTask() {
            Map<String, Object> variables = Map.of("resultChannel", "POST", "remark", "-",
                    "dossierCode", "000.00.01.H26-251103-0001", "applicantIdNumber", "001203004567");

            assertThat(VALIDATOR.validate(CONDITIONS, variables, TASK_COMPLETION))
                    .containsExactly(new FieldViolation("deliveryAddress", "required", REQUIRED));
        }

        @Test
        void shouldApplyLimitWhenItsExpressionGivesANumber() {
            Map<String, Object> values = Map.of("resultChannel", "POST", "remark", "-",
                    "deliveryAddress", "12 Phố Huế, Hai Bà Trưng", "addressLimit", 10);

            assertThat(VALIDATOR.validate(CONDITIONS, values, TASK_COMPLETION)).containsExactly(
                    new FieldViolation("deliveryAddress", "maxLength", "Tối đa 10 ký tự / At most 10 characters"));
        }

        @Test
        void shouldSkipLimitWhenItsExpressionGivesNoNumber() {
            Map<String, Object> values = Map.of("resultChannel", "POST", "remark", "-",
                    "deliveryAddress", "12 Phố Huế, Hai Bà Trưng");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION)).isEmpty();
        }
    }

    @Nested
    class WhenKeyIsNotInTheForm {

        @Test
        void shouldRefuseUnknownKeyWhenSubmitting() {
            Map<String, Object> values = with("dossierStatus", "APPROVED");

            assertThat(VALIDATOR.validate(RULES, values, SUBMISSION)).containsExactly(new FieldViolation(
                    "dossierStatus", "unknownField", "Trường không có trong biểu mẫu / Not a field of this form"));
        }

        @Test
        void shouldIgnoreUnknownKeyWhenCompletingTask() {
            Map<String, Object> values = with("dossierStatus", "APPROVED");

            assertThat(VALIDATOR.validate(RULES, values, TASK_COMPLETION)).isEmpty();
        }

        @Test
        void shouldReportUnknownKeysAfterFieldViolationsInNameOrderWhenSubmitting() {
            Map<String, Object> values = with("zeta", 1);
            values.put("alpha", 2);
            values.remove("capital");

            assertThat(VALIDATOR.validate(RULES, values, SUBMISSION)).extracting(FieldViolation::field)
                    .containsExactly("capital", "alpha", "zeta");
        }

        @Test
        void shouldRefuseUnknownKeyInsideGroupWhenSubmitting() {
            Map<String, Object> values = Map.of("applicantName", "Trần Thị B",
                    "address", Map.of("street", "12 Phố Huế", "area", Map.of("ward", "00004", "district", "001")));

            assertThat(VALIDATOR.validate(LAYOUT, values, SUBMISSION)).containsExactly(new FieldViolation(
                    "address.area.district", "unknownField", "Trường không có trong biểu mẫu / Not a field of this form"));
        }

        @Test
        void shouldRefuseSingleValueWhereGroupExpectsValuesWhenSubmitting() {
            Map<String, Object> values = Map.of("applicantName", "Trần Thị B", "address", "12 Phố Huế");

            assertThat(VALIDATOR.validate(LAYOUT, values, SUBMISSION)).extracting(FieldViolation::field, FieldViolation::code)
                    .containsExactly(
                            tuple("address.street", "required"),
                            tuple("address.area.ward", "required"),
                            tuple("address", "type"));
        }
    }

    @Nested
    class WhenFieldIsReadonlyOrDisabled {

        private static final String READONLY = "Trường chỉ đọc, không được gửi / Read-only field, must not be submitted";

        @Test
        void shouldRefuseReadonlyFieldWhenSubmitting() {
            assertThat(VALIDATOR.validate(RULES, with("dossierCode", "H26-0001"), SUBMISSION))
                    .containsExactly(new FieldViolation("dossierCode", "readonly", READONLY));
        }

        @Test
        void shouldRefuseDisabledFieldWhenSubmitting() {
            assertThat(VALIDATOR.validate(RULES, with("receivingUnit", "UBND"), SUBMISSION))
                    .containsExactly(new FieldViolation("receivingUnit", "readonly", READONLY));
        }

        @Test
        void shouldAcceptReadonlyFieldWhenCompletingTask() {
            assertThat(VALIDATOR.validate(RULES, with("dossierCode", "H26-0001"), TASK_COMPLETION)).isEmpty();
        }

        @Test
        void shouldNotRequireDisabledFieldWhenItIsMissing() {
            assertThat(VALIDATOR.validate(RULES, valid(), TASK_COMPLETION)).isEmpty();
        }

        @Test
        void shouldRefuseFieldWhenReadonlyExpressionIsTrueOnSubmission() {
            Map<String, Object> values = Map.of("resultChannel", "COUNTER", "remark", "-", "originalCode", "H26-0001");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION))
                    .containsExactly(new FieldViolation("originalCode", "readonly", READONLY));
        }

        @Test
        void shouldAcceptFieldWhenReadonlyExpressionIsFalseOnSubmission() {
            Map<String, Object> values = Map.of("resultChannel", "POST", "remark", "-",
                    "deliveryAddress", "12 Phố Huế", "originalCode", "H26-0001");

            assertThat(VALIDATOR.validate(CONDITIONS, values, SUBMISSION)).isEmpty();
        }
    }

    private static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("idNumber", "001203004567");
        values.put("trackingCode", "VN1234HN");
        values.put("email", "nguyen.van.a@example.gov.vn");
        values.put("phone", "0912 345 678");
        values.put("note", "Gấp");
        values.put("capital", 500_000);
        values.put("declaration", true);
        values.put("subscribe", true);
        values.put("attachments", new ArrayList<>(List.of("ID_COPY", "LEASE")));
        values.put("businessLines", List.of("RETAIL", "FOOD"));
        values.put("resultChannel", "POST");
        values.put("copies", 2);
        values.put("ward", "00004");
        values.put("labels", List.of("ưu tiên"));
        values.put("appointment", "2025-11-03");
        return values;
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = valid();
        values.put(key, value);
        return values;
    }

    private static Map<String, Object> without(String key) {
        Map<String, Object> values = valid();
        values.remove(key);
        return values;
    }
}
