package vn.motcua.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.motcua.documents.DocumentsProperties;

/** One broken copy of household business registration per rule, and the message an analyst reads. */
class ProcedureCheckerTest {

    static final String BPMN = "household-business-registration.bpmn";
    static final String SUBMISSION = "household-business-registration-submission.form";
    static final String APPRAISAL = "household-business-registration-appraisal.form";
    static final String RESULT = "household-business-registration.result.xhtml";
    /** The process beans this model calls (the application's whole list: ShippedExpressionsIT). */
    static final Set<String> PROCESS_BEANS = Set.of("deadlines", "warnTaskHolders", "standInPeriod");

    private final ProcedureChecker checker = new ProcedureChecker(
            new DocumentsProperties(null, null, null, null, null, null, null), Set.of("29281")::contains, PROCESS_BEANS::contains);
    private Map<String, String> files;

    @BeforeEach
    void readShippedProcedure() throws IOException {
        files = new LinkedHashMap<>();
        files.put(BPMN, Files.readString(Path.of("processes/procedures/household-business-registration.bpmn")));
        files.put(SUBMISSION, Files.readString(Path.of("forms/procedures/household-business-registration/household-business-registration-submission.form")));
        files.put(APPRAISAL, Files.readString(Path.of("forms/procedures/household-business-registration/household-business-registration-appraisal.form")));
        files.put(RESULT, Files.readString(Path.of("processes/procedures/" + RESULT)));
    }

    @Test
    void shouldAcceptShippedProcedureWhenItFollowsEveryRule() {
        assertThat(check()).isEmpty();
    }

    @Nested
    class ResultTemplates {

        @Test
        void shouldRefuseTheModelWhenItsResultTemplateIsNotDeployedWithIt() {
            files.remove(RESULT);

            assertThat(messages()).singleElement().asString()
                    .contains("mẫu văn bản kết quả '" + RESULT + "' (procedure.resultTemplate) không có trong gói triển khai");
        }

        @Test
        void shouldAcceptAnUnchangedTemplateLeftOutOfTheNextDeployment() {
            files.remove(RESULT);

            // Camunda Modeler's "deploy changed only": the template is in an earlier deployment of the same name.
            assertThat(checker.check(bytes(), id -> false, decision -> false, RESULT::equals)).isEmpty();
        }

        @Test
        void shouldRefuseAResultTemplateThatIsNotWellFormedXhtml() {
            edit(RESULT, "</table>", "</tabel>");

            assertThat(messages()).singleElement().asString().contains("không phải XML hợp lệ");
        }

        @Test
        void shouldRefuseAResultTemplateInAnotherFolder() {
            edit(BPMN, "value=\"" + RESULT + "\"", "value=\"../" + RESULT + "\"");

            assertThat(messages()).singleElement().asString().contains("procedure.resultTemplate '../" + RESULT
                    + "' must be the file name of an .xhtml template beside the model");
        }

        @Test
        void shouldAcceptAProcedureWithoutResultTemplate() {
            edit(BPMN, "<camunda:property name=\"procedure.resultTemplate\" value=\"" + RESULT + "\" />", "");
            files.remove(RESULT);

            assertThat(check()).isEmpty();
        }
    }

    @Test
    void shouldNameMissingPropertyWhenProcedureLacksLegalBasis() {
        edit(BPMN, "procedure.legalBasis", "procedure.legalBasisTypo");

        assertThat(messages()).singleElement().asString()
                .startsWith(BPMN + " › household_business_registration «Đăng ký thành lập hộ kinh doanh»: thuộc tính thủ tục (procedure.*) sai")
                .contains("missing extension property procedure.legalBasis");
    }

    @Test
    void shouldExplainDeadlineWhenItIsNotReadable() {
        edit(BPMN, "name=\"procedure.deadline\" value=\"3d\"", "name=\"procedure.deadline\" value=\"three days\"");

        assertThat(messages()).singleElement().asString().contains("household_business_registration").contains("procedure.deadline");
    }

    @Test
    void shouldAskForFormWhenUserTaskHasNone() {
        edit(BPMN, "camunda:formRef=\"household-business-registration-appraisal\" camunda:formRefBinding=\"latest\"", "");

        assertThat(messages()).singleElement().asString().isEqualTo(BPMN
                + " › appraise_dossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: bước xử lý chưa gắn biểu mẫu: đặt Form type"
                + " \"Camunda Form (linked)\" và Form ID / the user task has no form: set Form type \"Camunda Form (linked)\""
                + " and its Form ID (camunda:formRef)");
    }

    @Test
    void shouldAskForGroupWhenUserTaskHasNone() {
        edit(BPMN, "camunda:candidateGroups=\"specialist:${unit}\"", "");

        assertThat(messages()).singleElement().asString().contains("appraise_dossier")
                .contains("chưa giao cho nhóm nào").contains("no candidate groups: set Candidate groups as <role>:${unit}");
    }

    @Test
    void shouldRefuseFormRefWhenFormIsNeitherShippedNorDeployed() {
        files.remove(APPRAISAL);

        assertThat(messages()).singleElement().asString().contains("appraise_dossier")
                .contains("form 'household-business-registration-appraisal' is neither in this deployment nor deployed before");
        assertThat(checker.check(bytes(), "household-business-registration-appraisal"::equals))
                .as("a form deployed before may be named without shipping it again").isEmpty();
    }

    @Test
    void shouldRefuseFormWhenSchemaIsNewerThanTasklistRenders() {
        edit(APPRAISAL, "\"schemaVersion\": 16", "\"schemaVersion\": 18");

        assertThat(messages()).singleElement().asString()
                .startsWith(APPRAISAL + " › household-business-registration-appraisal: schemaVersion 18 mới hơn mức Tasklist")
                .contains("is newer than the Tasklist renders (at most 16)");
    }

    @Test
    void shouldRefuseTimerWhenItIgnoresWorkingCalendar() {
        edit(BPMN, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${deadlines.phaseWarning(execution, 'processing')}</bpmn:timeDate>",
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT4H</bpmn:timeDuration>");

        assertThat(messages()).singleElement().asString().contains("appraise_dossier")
                .contains("hẹn giờ 'PT4H' không tính theo lịch làm việc").contains("use a Timer Date ${deadlines...}");
    }

    @Test
    void shouldAcceptATimerDateAPersonChoseButNoOtherBeanCall() {
        String calendar = "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${deadlines.phaseWarning(execution, 'processing')}</bpmn:timeDate>";
        edit(BPMN, calendar, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${standInPeriod.endsAt(execution)}</bpmn:timeDate>");
        assertThat(messages()).as("a period's bound is a moment already").isEmpty();

        edit(BPMN, "${standInPeriod.endsAt(execution)}", "${standInPeriod.plusDays(execution, 3)}");
        assertThat(messages()).singleElement().asString().contains("không tính theo lịch làm việc");
    }

    @Test
    void shouldAskForHistoryTimeToLiveWhenProcessHasNone() {
        edit(BPMN, "camunda:historyTimeToLive=\"365\"", "");

        assertThat(messages()).singleElement().asString().contains("household_business_registration")
                .contains("no History time to live");
    }

    @Test
    void shouldRefuseScriptsWhenModelRunsCode() {
        edit(BPMN, "<bpmn:userTask camunda:modelerTemplate=\"vn.motcua.processing-step\" id=\"appraise_dossier\"", "<bpmn:scriptTask scriptFormat=\"groovy\" id=\"appraise_dossier\"");
        edit(BPMN, "</bpmn:userTask>", "<bpmn:script>execution.setVariable('x', 1)</bpmn:script></bpmn:scriptTask>");

        assertThat(messages()).anySatisfy(message -> assertThat(message).contains("appraise_dossier")
                .contains("không dùng Script Task").contains("no script tasks"));
    }

    @Test
    void shouldRefuseScriptWhenListenerRunsOne() {
        edit(BPMN, "<camunda:taskListener event=\"timeout\"",
                "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
                        + "</camunda:executionListener><camunda:taskListener event=\"timeout\"");

        assertThat(messages()).singleElement().asString().contains("appraise_dossier").contains("no scripts in listeners");
    }

    @Test
    void shouldRefuseGroupWhenRoleOrUnitIsUnknown() {
        edit(BPMN, "camunda:candidateGroups=\"specialist:${unit}\"",
                "camunda:candidateGroups=\"clerk:${unit},specialist:99999,head:29281\"");

        assertThat(messages()).containsExactly(
                BPMN + " › appraise_dossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: nhóm 'clerk:${unit}' có vai trò lạ 'clerk';"
                        + " dùng một trong " + ProcedureChecker.ROLES + " / candidate group 'clerk:${unit}' has unknown role 'clerk';"
                        + " use one of " + ProcedureChecker.ROLES,
                BPMN + " › appraise_dossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: nhóm 'specialist:99999' nêu đơn vị '99999'"
                        + " không có trong danh mục đơn vị; dùng ${unit} (đơn vị tiếp nhận hồ sơ) hoặc một mã đơn vị có thật"
                        + " / candidate group 'specialist:99999' names unit '99999', which is not in the unit list;"
                        + " use ${unit} (the dossier's unit) or an existing unit code");
    }

    @Test
    void shouldAskForTheUnitWhenATravellingProcedureNamesOneThatDoesNotExist() {
        edit(BPMN, "<camunda:property name=\"procedure.unitLevel\" value=\"DISTRICT\" />",
                "<camunda:property name=\"procedure.unitLevel\" value=\"PROVINCE\" />"
                        + "<camunda:property name=\"procedure.decidedBy\" value=\"000.00.12.H99\" />");

        assertThat(messages()).singleElement().asString()
                .startsWith(BPMN + " › household_business_registration «Đăng ký thành lập hộ kinh doanh»: procedure.decidedBy"
                        + " nêu đơn vị '000.00.12.H99' không có trong danh mục đơn vị")
                .contains("ask an administrator to create it (/api/admin/units) or use PARENT");
    }

    @Test
    void shouldExplainAReceivingLevelWhoseParentCannotDecide() {
        edit(BPMN, "<camunda:property name=\"procedure.unitLevel\" value=\"DISTRICT\" />",
                "<camunda:property name=\"procedure.unitLevel\" value=\"DISTRICT\" />"
                        + "<camunda:property name=\"procedure.receivedAt\" value=\"DISTRICT\" />"
                        + "<camunda:property name=\"procedure.decidedBy\" value=\"PARENT\" />");

        assertThat(messages()).singleElement().asString()
                .contains("household_business_registration")
                .contains("procedure.decidedBy PARENT: the parent of a DISTRICT unit is not at procedure.unitLevel DISTRICT")
                .contains("set procedure.receivedAt to COMMUNE");
    }

    @Test
    void shouldAskForSnakeCaseWhenIdIsCamelCase() {
        edit(BPMN, "appraise_dossier", "appraiseDossier");

        assertThat(messages()).isNotEmpty().allSatisfy(message -> assertThat(message)
                .contains("appraiseDossier").contains("snake_case"));
    }

    @Test
    void shouldRefuseStartableProcessWhenDossiersStartAtReception() {
        edit(BPMN, "camunda:isStartableInTasklist=\"false\"", "camunda:isStartableInTasklist=\"true\"");

        assertThat(messages()).singleElement().asString().contains("untick \"Startable\"");
    }

    @Test
    void shouldNameFileWhenModelIsNotXml() {
        files.put(BPMN, "<bpmn:definitions");

        assertThat(messages()).singleElement().asString().startsWith(BPMN + " › " + BPMN + ": không đọc được mô hình BPMN")
                .contains("XML document structures must start and end within the same entity");
    }

    @Test
    void shouldAskForHistoryTimeToLiveWhenDecisionHasNone() {
        files.put("fee.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="fee_definitions" name="Phí"
                             namespace="http://motcua.vn/dmn">
                  <decision id="fee" name="Phí">
                    <decisionTable id="fee_table">
                      <output id="fee_output" name="fee" typeRef="integer" />
                      <rule id="fee_rule"><outputEntry id="fee_value"><text>1000</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """);

        assertThat(messages()).singleElement().asString().startsWith("fee.dmn › fee «Phí»: thiếu History time to live");
    }

    @Nested
    class Fees {

        private static final String FEE = "<camunda:property name=\"procedure.fee\" value=\"100000\" />";

        @Test
        void shouldRefuseFeeDecisionWhenItIsNeitherShippedNorDeployed() {
            edit(BPMN, FEE, FEE + "<camunda:property name=\"procedure.feeDecision\" value=\"household_fee\" />");

            assertThat(messages()).singleElement().asString().contains("household_business_registration")
                    .contains("fee decision 'household_fee' (procedure.feeDecision) is neither in the deployment nor deployed");
            assertThat(checker.check(bytes(), id -> false, "household_fee"::equals)).isEmpty();
        }

        @Test
        void shouldRefuseExemptionWhenItNamesNoFieldOrOption() {
            edit(BPMN, FEE, FEE
                    + "<camunda:property name=\"procedure.feeExemption.poor\" value=\"householdCategory = POOR | Hộ nghèo\" />"
                    + "<camunda:property name=\"procedure.feeExemption.family\" value=\"ownershipType = STATE | Nhà nước\" />");

            assertThat(messages()).hasSize(2).anySatisfy(message -> assertThat(message)
                    .contains("fee exemption 'poor' depends on field 'householdCategory', which submission form"))
                    .anySatisfy(message -> assertThat(message)
                            .contains("fee exemption 'family' applies if ownershipType = STATE, which is none of the field's options"));
        }

        @Test
        void shouldAskWhenFeeIsPaidWhenProcedureHasAFee() {
            edit(BPMN, "<camunda:property name=\"procedure.payment\" value=\"BEFORE_PROCESSING\" />", "");

            assertThat(messages()).singleElement().asString().contains("must say when it is paid: procedure.payment");
        }
    }

    /** Issue 20 item 4: everything wrong is reported in one round, and every rule of the guide is enforced. */
    @Nested
    class AllAtOnce {

        @Test
        void shouldReportEveryBrokenProcedurePropertyInOneRefusal() {
            edit(BPMN, "name=\"procedure.unitLevel\" value=\"DISTRICT\"", "name=\"procedure.unitLevel\" value=\"WARD\"");
            edit(BPMN, "name=\"procedure.fee\" value=\"100000\"", "name=\"procedure.fee\" value=\"free\"");
            edit(BPMN, "procedure.sector", "procedure.sectorTypo");

            assertThat(messages()).hasSize(3).allSatisfy(message -> assertThat(message)
                    .startsWith(BPMN + " › household_business_registration «Đăng ký thành lập hộ kinh doanh»: thuộc tính thủ tục"));
            assertThat(messages()).anySatisfy(message -> assertThat(message)
                            .contains("procedure.unitLevel must be one of [COMMUNE, DISTRICT, PROVINCE], not 'WARD'"))
                    .anySatisfy(message -> assertThat(message)
                            .contains("procedure.fee must be a whole number of at least 0, not 'free'"))
                    .anySatisfy(message -> assertThat(message).contains("missing extension property procedure.sector"));
        }

        @Test
        void shouldRefuseALiteralDueDateAsTheGuideSays() {
            edit(BPMN, "camunda:dueDate=\"${deadlines.phaseDue(execution, 'processing')}\"", "camunda:dueDate=\"P5D\"");

            assertThat(messages()).singleElement().asString().isEqualTo(BPMN
                    + " › appraise_dossier «Thẩm định hồ sơ đăng ký hộ kinh doanh»: camunda:dueDate 'P5D' không tính theo lịch"
                    + " làm việc; dùng ${deadlines.phaseDue(execution, 'processing')} / camunda:dueDate 'P5D' does not follow"
                    + " the working-time calendar; use ${deadlines.phaseDue(execution, 'processing')}");
        }

        @Test
        void shouldRefuseALiteralFollowUpDate() {
            edit(BPMN, "camunda:followUpDate=\"${deadlines.phaseWarning(execution, 'processing')}\"",
                    "camunda:followUpDate=\"2026-12-31T17:00:00\"");

            assertThat(messages()).singleElement().asString().contains("appraise_dossier")
                    .contains("camunda:followUpDate '2026-12-31T17:00:00' does not follow the working-time calendar")
                    .contains("${deadlines.phaseWarning(execution, 'processing')}");
        }

        @Test
        void shouldRefuseAFormFileNotNamedAfterItsId() {
            files.put("appraisal.form", files.remove(APPRAISAL));

            assertThat(messages()).singleElement().asString().isEqualTo("appraisal.form › household-business-registration-appraisal:"
                    + " tệp biểu mẫu phải mang tên theo Form ID: đổi tên tệp thành household-business-registration-appraisal.form"
                    + " (hoặc đặt Form ID là appraisal) / a form's file must be named after its Form ID: rename the file to"
                    + " household-business-registration-appraisal.form (or set the Form ID to appraisal)");
        }

        @Test
        void shouldReadTheBareNameOfAFormDeployedWithItsFolder() {
            files.put("forms/procedures/x/" + APPRAISAL, files.remove(APPRAISAL));

            assertThat(messages()).isEmpty();
        }

        @Test
        void shouldRefuseAFeelExpressionThatDoesNotCompileNamingTheFieldAndTheFix() {
            edit(SUBMISSION, "\"min\": 0\n      },\n      \"id\": \"Field_capital\"",
                    "\"min\": \"=employeeCount *\"\n      },\n      \"id\": \"Field_capital\"");

            assertThat(messages()).singleElement().asString()
                    .startsWith(SUBMISSION + " › household-business-registration-submission: trường 'capital' (validate.min):"
                            + " biểu thức FEEL '=employeeCount *' không biên dịch được (")
                    .contains(" / field 'capital' (validate.min): FEEL expression '=employeeCount *' does not compile (")
                    .endsWith("); fix it in Camunda Modeler's form editor, otherwise the rule it drives is skipped");
        }

        @Test
        void shouldAcceptFeelExpressionsThatCompile() {
            edit(SUBMISSION, "\"min\": 0\n      },\n      \"id\": \"Field_capital\"",
                    "\"min\": \"=if employeeCount > 10 then 1000000 else 0\"\n      },\n      \"id\": \"Field_capital\"");

            assertThat(messages()).isEmpty();
        }

        @Test
        void shouldReportEveryKindOfMistakeOfOneDeploymentTogether() {
            edit(BPMN, "procedure.legalBasis", "procedure.legalBasisTypo");
            edit(BPMN, "camunda:dueDate=\"${deadlines.phaseDue(execution, 'processing')}\"", "camunda:dueDate=\"P5D\"");
            files.put("appraisal.form", files.remove(APPRAISAL));
            edit(SUBMISSION, "\"min\": 0\n      },\n      \"id\": \"Field_capital\"",
                    "\"min\": \"=(\"\n      },\n      \"id\": \"Field_capital\"");

            assertThat(messages()).hasSize(4);
        }
    }

    private void edit(String file, String from, String to) {
        assertThat(files.get(file)).as("%s contains %s", file, from).contains(from);
        files.put(file, files.get(file).replace(from, to));
    }

    private List<Violation> check() {
        return checker.check(bytes(), id -> false);
    }

    private List<String> messages() {
        return check().stream().map(Violation::message).toList();
    }

    private Map<String, byte[]> bytes() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** Issue 15 item 5: what an administrator's deployment could run, refused with file, element and fix. */
    @Nested
    class Expressions {

        private static final String DUE = "camunda:dueDate=\"${deadlines.phaseDue(execution, 'processing')}\"";

        /** The expression as the task's assignee: the due dates have a rule of their own (deadline beans only). */
        private String refusalOf(String assignee) throws IOException {
            readShippedProcedure();
            edit(BPMN, DUE, DUE + " camunda:assignee=\"" + assignee + "\"");
            List<String> messages = messages();
            assertThat(messages).singleElement().asString().startsWith(BPMN + " › appraise_dossier «");
            return messages.get(0);
        }

        @Test
        void shouldRefuseReflectionWhenAnExpressionReachesForClasses() throws IOException {
            assertThat(refusalOf("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}"))
                    .contains("no chained calls").contains("call one method of a process bean directly");
            assertThat(refusalOf("${deadlines.getClass()}")).contains("'getClass' leads to arbitrary Java code");
            assertThat(refusalOf("${execution.class}")).contains("'class' leads to arbitrary Java code");
        }

        @Test
        void shouldRefuseEngineServicesWhenAnExpressionCallsABeanNotMadeForProcesses() throws IOException {
            assertThat(refusalOf("${identityService.createUserQuery()}"))
                    .contains("'identityService.createUserQuery(...)' calls a method of 'identityService', which is not a"
                            + " process bean (@ProcessBean)")
                    .contains("gọi phương thức của 'identityService'");
            assertThat(refusalOf("${execution.processEngineServices}")).contains("'processEngineServices' leads to arbitrary");
            assertThat(refusalOf("${execution.getProcessEngine()}")).contains("calls a method of 'execution', which is not a process bean");
        }

        @Test
        void shouldRefuseFunctionsAndComputedNames() throws IOException {
            assertThat(refusalOf("${S('x')}")).contains("no function calls such as 'S(...)'");
            assertThat(refusalOf("${execution['processEngine']}")).contains("no [...] in expressions");
            assertThat(refusalOf("${deadlines.phaseDue(execution, 'processing'}")).contains("the expression is not readable");
        }

        @Test
        void shouldRefuseADelegateExpressionNamingABeanNotMadeForProcesses() {
            edit(BPMN, "delegateExpression=\"${warnTaskHolders}\"", "delegateExpression=\"${dossierRepository}\"");

            assertThat(messages()).singleElement().asString().contains("delegate expression '${dossierRepository}' names no"
                    + " process bean (@ProcessBean)");
        }

        @Test
        void shouldAcceptVariablesComparisonsAndProcessBeanCalls() {
            edit(BPMN, DUE, DUE + " camunda:assignee=\"${unit == 'x' &amp;&amp; deadlines.phaseDue(execution, 'processing') != null"
                    + " ? deadlines.phaseDue(execution, execution.processBusinessKey) : null}\"");

            assertThat(check()).isEmpty();
        }

        @Test
        void shouldRefuseJuelAndScriptsInDecisionTables() throws IOException {
            String dmn = Files.readString(Path.of("processes/fees/certified-copy-fee.dmn"))
                    .replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"juel\" ");
            files.put("fee.dmn", dmn);

            assertThat(messages()).anySatisfy(message -> assertThat(message).startsWith("fee.dmn")
                    .contains("expression language 'juel' is not allowed"));
        }
    }

}
