package vn.motcua.checks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.FeeExemption;
import vn.motcua.catalogue.InvalidProcedureException;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.catalogue.Routing;
import vn.motcua.documents.DocumentsProperties;
import vn.motcua.forms.FormExpressions;
import vn.motcua.modelling.ExtensionProperties;
import vn.motcua.modelling.ProcessExpressions;

/**
 * The modelling rules of docs/modelling-guide.md, applied to the files of one deployment (or of the
 * {@code processes/} and {@code forms/} folders in the build). Every broken rule is reported, not
 * only the first, so an analyst fixes a model in one round.
 */
public class ProcedureChecker {

    /** The Tasklist of Camunda 7.24 renders Camunda Forms up to this schema version. */
    public static final int MAX_FORM_SCHEMA_VERSION = 16;
    /** The roles of docs/architecture.md; a candidate group is {@code <role>:<unit code>}. */
    public static final Set<String> ROLES = Set.of("reception", "specialist", "head");

    private static final Pattern SNAKE_CASE_ID = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*}$");
    private static final Pattern CALENDAR_EXPRESSION = Pattern.compile("^\\$\\{\\s*(deadlines|workingCalendar)\\..+}$");
    /**
     * A period whose bounds a person chose as dates and times (a stand-in's): already moments, nothing to
     * count in working time; read through the period's bean.
     */
    private static final Pattern CHOSEN_MOMENT = Pattern.compile("^\\$\\{\\s*[a-z][A-Za-z0-9]*Period\\.(startsAt|endsAt)\\(execution\\)\\s*}$");
    /** A start event that repeats (a periodic report) reads its cycle from the configuration, through a bean. */
    private static final Pattern CONFIGURED_CYCLE = Pattern.compile("^\\$\\{\\s*[a-z][A-Za-z0-9]*\\.[a-z][A-Za-z0-9]*\\(\\)\\s*}$");
    /**
     * {@code ${unit}}: the unit whose process it is (in a procedure's model, the unit that decides); {@code ${decidingUnit}}:
     * in the lifecycle, the unit that decides a dossier received at {@code unit} (the same unless it travels).
     */
    private static final Pattern GROUP = Pattern.compile("^([a-z]+):(\\$\\{unit}|\\$\\{decidingUnit}|[A-Za-z0-9._-]+)$");
    /** FEEL (no Java calls: the engine's FEEL has external functions off); JUEL or scripts would reach code. */
    private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20180521/feel/");
    /** Elements whose text the engine never evaluates. */
    private static final Set<String> INERT_ELEMENTS = Set.of("documentation", "properties", "textAnnotation");
    /** Camunda reads its extension attributes from either namespace. */
    private static final Set<String> CAMUNDA_NAMESPACES = Set.of(
            "http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    private final DocumentsProperties documentLimits;
    private final Predicate<String> knownUnit;
    private final Predicate<String> processBean;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param documentLimits the limits document slots are read against
     * @param knownUnit      whether a unit code exists, for candidate groups that name one literally
     * @param processBean    whether a name is a bean made for processes ({@code @ProcessBean}), the only
     *                       beans an expression may call
     */
    public ProcedureChecker(DocumentsProperties documentLimits, Predicate<String> knownUnit,
            Predicate<String> processBean) {
        this.documentLimits = documentLimits;
        this.knownUnit = knownUnit;
        this.processBean = processBean;
    }

    /**
     * @param resources      file name to content, as a deployment holds them
     * @param deployedForm   whether a form id is already deployed (a form a model may name without shipping it again)
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> deployedForm) {
        return check(resources, deployedForm, decision -> false);
    }

    /**
     * @param deployedDecision whether a decision key is already deployed (a fee table a model may name without
     *                         shipping it again)
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> deployedForm,
            Predicate<String> deployedDecision) {
        return check(resources, deployedForm, deployedDecision, template -> false);
    }

    /**
     * @param deployedTemplate whether a result template (by resource name) is already deployed under the same
     *                         deployment name: Camunda Modeler leaves an unchanged file out of the next deployment
     */
    public List<Violation> check(Map<String, byte[]> resources, Predicate<String> deployedForm,
            Predicate<String> deployedDecision, Predicate<String> deployedTemplate) {
        List<Violation> violations = new ArrayList<>();
        Set<String> decisions = new LinkedHashSet<>();
        resources.forEach((file, content) -> {
            if (file.endsWith(".dmn") || file.endsWith(".dmn11.xml")) {
                try {
                    Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class)
                            .forEach(decision -> decisions.add(decision.getId()));
                } catch (ModelException unreadable) {
                    // reported by checkDmn below
                }
            }
        });
        Predicate<String> knownDecision = decisions::contains;
        Predicate<String> decisionAvailable = knownDecision.or(deployedDecision);
        Map<String, Form> forms = new LinkedHashMap<>();
        resources.forEach((file, content) -> {
            if (file.endsWith(".form")) {
                readForm(file, content, violations).ifPresent(form -> {
                    Form previous = forms.put(form.id(), form);
                    if (previous != null) {
                        violations.add(new Violation(file, form.id(), null,
                                "mã biểu mẫu đã được dùng trong " + previous.file() + "; đặt \"id\" khác",
                                "form id already used by " + previous.file() + "; give it another \"id\""));
                    }
                });
            }
        });
        resources.forEach((file, content) -> {
            if (file.endsWith(".bpmn") || file.endsWith(".bpmn20.xml")) {
                checkBpmn(file, content, resources, deployedTemplate, forms, deployedForm, decisionAvailable, violations);
            } else if (file.endsWith(".dmn") || file.endsWith(".dmn11.xml")) {
                checkDmn(file, content, violations);
            }
        });
        return violations;
    }

    private Optional<Form> readForm(String file, byte[] content, List<Violation> violations) {
        JsonNode form;
        try {
            form = json.readTree(new String(content, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            violations.add(new Violation(file, file, null, "không đọc được biểu mẫu JSON: " + e.getOriginalMessage(),
                    "the form is not readable JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        }
        String id = form.path("id").asText("");
        if (id.isBlank()) {
            violations.add(new Violation(file, file, null, "biểu mẫu không có \"id\"; đặt Form ID trong Camunda Modeler",
                    "the form has no \"id\"; set its Form ID in Camunda Modeler"));
            return Optional.empty();
        }
        String bareName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        if (!bareName.equals(id + ".form")) {
            // A packaged application deploys each file under its bare name: two forms saved under one name
            // overwrite each other, and a file not named after its id cannot be found from the model's Form ID.
            violations.add(new Violation(file, id, null, "tệp biểu mẫu phải mang tên theo Form ID: đổi tên tệp thành "
                            + id + ".form (hoặc đặt Form ID là " + bareName.replaceFirst("\\.form$", "") + ")",
                    "a form's file must be named after its Form ID: rename the file to " + id
                            + ".form (or set the Form ID to " + bareName.replaceFirst("\\.form$", "") + ")"));
        }
        for (FormExpressions.BrokenExpression broken : FormExpressions.broken(form)) {
            violations.add(new Violation(file, id, null, "trường '" + broken.component() + "' (" + broken.property()
                            + "): biểu thức FEEL '" + broken.expression() + "' không biên dịch được (" + broken.problem()
                            + "); sửa nó trong trình soạn biểu mẫu của Camunda Modeler, nếu không quy tắc đó bị bỏ qua",
                    "field '" + broken.component() + "' (" + broken.property() + "): FEEL expression '"
                            + broken.expression() + "' does not compile (" + broken.problem()
                            + "); fix it in Camunda Modeler's form editor, otherwise the rule it drives is skipped"));
        }
        int schemaVersion = form.path("schemaVersion").asInt(Integer.MAX_VALUE);
        if (schemaVersion > MAX_FORM_SCHEMA_VERSION) {
            violations.add(new Violation(file, id, null,
                    "schemaVersion " + versionText(form) + " mới hơn mức Tasklist hiển thị được (tối đa "
                            + MAX_FORM_SCHEMA_VERSION + "); lưu biểu mẫu cho Camunda Platform 7.24",
                    "schemaVersion " + versionText(form) + " is newer than the Tasklist renders (at most "
                            + MAX_FORM_SCHEMA_VERSION + "); save the form for Camunda Platform 7.24"));
        }
        Set<String> fields = new LinkedHashSet<>();
        Map<String, Set<String>> options = new HashMap<>();
        collectFields(form.path("components"), fields, options);
        return Optional.of(new Form(id, file, fields, options));
    }

    private static String versionText(JsonNode form) {
        return form.has("schemaVersion") ? form.get("schemaVersion").asText() : "(thiếu / missing)";
    }

    private static void collectFields(JsonNode components, Set<String> keys, Map<String, Set<String>> options) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
                if (component.path("values").isArray()) {
                    Set<String> values = new LinkedHashSet<>();
                    component.path("values").forEach(option -> values.add(option.path("value").asText()));
                    options.put(component.get("key").asText(), values);
                }
            }
            collectFields(component.path("components"), keys, options); // groups and dynamic lists nest components
        }
    }

    private void checkBpmn(String file, byte[] content, Map<String, byte[]> resources,
            Predicate<String> deployedTemplate, Map<String, Form> forms, Predicate<String> deployedForm,
            Predicate<String> decisionAvailable, List<Violation> violations) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException e) {
            violations.add(new Violation(file, file, null, "không đọc được mô hình BPMN: " + reason(e),
                    "the BPMN model is not readable: " + reason(e)));
            return;
        }
        Rules rules = new Rules(file, violations);
        for (Process process : model.getModelElementsByType(Process.class)) {
            checkProcess(rules, process, model, resources, deployedTemplate, forms, decisionAvailable);
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkUserTask(rules, task, forms, deployedForm);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (!blank(start.getCamundaFormRef())) {
                checkFormRef(rules, start, start.getCamundaFormRef(), forms, deployedForm);
            }
        }
        for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            checkTimer(rules, timer);
        }
        checkIds(rules, model);
        checkCode(rules, model);
        checkExpressions(rules, ((org.w3c.dom.Document) model.getDocument().getDomSource().getNode()).getDocumentElement(),
                "definitions", null);
        checkDiagram(rules, model);
    }

    private void checkProcess(Rules rules, Process process, BpmnModelInstance model, Map<String, byte[]> resources,
            Predicate<String> deployedTemplate, Map<String, Form> forms, Predicate<String> decisionAvailable) {
        if (!process.isExecutable()) {
            rules.add(process, "quy trình chưa được đánh dấu Executable; bật \"Executable\" trong Camunda Modeler",
                    "the process is not executable; tick \"Executable\" in Camunda Modeler");
        }
        if (blank(process.getCamundaHistoryTimeToLiveString())) {
            rules.add(process, "thiếu History time to live (camunda:historyTimeToLive), ví dụ 3650 ngày",
                    "no History time to live (camunda:historyTimeToLive), e.g. 3650 days");
        }
        if (process.isCamundaStartableInTasklist()) {
            rules.add(process, "hồ sơ chỉ được tạo qua cổng tiếp nhận: bỏ chọn \"Startable\" (camunda:isStartableInTasklist=\"false\")",
                    "dossiers start only through reception: untick \"Startable\" (camunda:isStartableInTasklist=\"false\")");
        }
        if (blank(process.getName())) {
            rules.add(process, "quy trình chưa có tên tiếng Việt", "the process has no (Vietnamese) name");
        }
        Procedure procedure;
        try {
            procedure = ProcedureCatalogue.readModel(rules.file(), process.getId(), model, documentLimits).orElse(null);
        } catch (InvalidProcedureException e) {
            for (String problem : e.problems()) {
                rules.add(process, "thuộc tính thủ tục (procedure.*) sai: " + problem,
                        "invalid procedure property (procedure.*): " + problem);
            }
            return;
        }
        if (procedure == null) {
            return; // a shared lifecycle model, not a procedure
        }
        if (procedure.documents().stream().noneMatch(DocumentSlot::required)) {
            rules.add(process, "thủ tục không khai báo giấy tờ bắt buộc nào (procedure.document.<id> = tên | tên tiếng Anh | required ...)",
                    "the procedure declares no required document (procedure.document.<id> = name | English name | required ...)");
        }
        checkRouting(rules, process, procedure);
        Form submission = forms.get(procedure.submissionForm());
        checkFee(rules, process, procedure, submission, decisionAvailable);
        checkResultTemplate(rules, process, procedure, resources, deployedTemplate);
        for (DocumentSlot slot : procedure.documents()) {
            DocumentSlot.Condition condition = slot.requiredWhen();
            if (condition == null || submission == null) {
                continue;
            }
            if (!submission.fields().contains(condition.field())) {
                rules.add(process, "giấy tờ '" + slot.id() + "' bắt buộc theo trường '" + condition.field()
                                + "', nhưng biểu mẫu nộp hồ sơ '" + submission.id() + "' không có trường đó",
                        "document slot '" + slot.id() + "' is required if field '" + condition.field()
                                + "', which submission form '" + submission.id() + "' lacks");
            } else if (submission.options().containsKey(condition.field())) {
                for (String value : condition.values()) {
                    if (!submission.options().get(condition.field()).contains(value)) {
                        rules.add(process, "giấy tờ '" + slot.id() + "' bắt buộc khi " + condition.field() + " = " + value
                                        + ", nhưng trường chỉ có các lựa chọn " + submission.options().get(condition.field()),
                                "document slot '" + slot.id() + "' is required if " + condition.field() + " = " + value
                                        + ", which is none of the field's options " + submission.options().get(condition.field()));
                    }
                }
            }
        }
    }

    /** A unit named in procedure.receivedAt or procedure.decidedBy must be in the unit list (docs/modelling-guide.md). */
    private void checkRouting(Rules rules, Process process, Procedure procedure) {
        Routing routing = procedure.routing();
        String[][] named = {{"receivedAt", routing.receivingUnit()}, {"decidedBy", routing.decidingUnit()}};
        for (String[] property : named) {
            if (property[1] != null && !knownUnit.test(property[1])) {
                rules.add(process, "procedure." + property[0] + " nêu đơn vị '" + property[1]
                                + "' không có trong danh mục đơn vị; đề nghị quản trị viên tạo đơn vị (/api/admin/units) hoặc dùng "
                                + (property[0].equals("receivedAt") ? "một cấp (COMMUNE, DISTRICT, PROVINCE)" : "PARENT"),
                        "procedure." + property[0] + " names unit '" + property[1]
                                + "', which is not in the unit list; ask an administrator to create it (/api/admin/units) or use "
                                + (property[0].equals("receivedAt") ? "a level (COMMUNE, DISTRICT, PROVINCE)" : "PARENT"));
            }
        }
    }

    /**
     * The result template ({@code procedure.resultTemplate}) ships in the same deployment, beside the model (or,
     * unchanged, in an earlier deployment of the same name), and is well-formed XHTML: the drafting of a result
     * reads it from the dossier's own version.
     */
    private static void checkResultTemplate(Rules rules, Process process, Procedure procedure,
            Map<String, byte[]> resources, Predicate<String> deployedTemplate) {
        if (procedure.resultTemplate() == null) {
            return;
        }
        byte[] template = resources.get(procedure.resultTemplate());
        if (template == null && deployedTemplate.test(procedure.resultTemplate())) {
            return; // unchanged since the deployment that holds it, checked then
        }
        if (template == null) {
            rules.add(process, "mẫu văn bản kết quả '" + procedure.resultTemplate() + "' (procedure.resultTemplate) không có"
                            + " trong gói triển khai; đặt tệp .xhtml cạnh mô hình và triển khai cùng",
                    "result template '" + procedure.resultTemplate() + "' (procedure.resultTemplate) is not in the"
                            + " deployment; put the .xhtml file beside the model and deploy it with it");
            return;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Reported as a violation, not printed on the console as the parser's default handler does.
            builder.setErrorHandler(new DefaultHandler());
            org.w3c.dom.Document xhtml = builder.parse(new ByteArrayInputStream(template));
            if (!"html".equals(xhtml.getDocumentElement().getLocalName())) {
                rules.add(process, "mẫu văn bản kết quả '" + procedure.resultTemplate() + "' phải là XHTML (thẻ gốc <html>)",
                        "result template '" + procedure.resultTemplate() + "' must be XHTML (root element <html>)");
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            rules.add(process, "mẫu văn bản kết quả '" + procedure.resultTemplate() + "' không phải XML hợp lệ: " + e.getMessage(),
                    "result template '" + procedure.resultTemplate() + "' is not well-formed XML: " + e.getMessage());
        }
    }

    /** The fee convention (docs/payments.md): the decision table exists, exemptions name fields of the submission form. */
    private static void checkFee(Rules rules, Process process, Procedure procedure, Form submission,
            Predicate<String> decisionAvailable) {
        if (procedure.feeDecision() != null && !decisionAvailable.test(procedure.feeDecision())) {
            rules.add(process, "bảng quyết định phí '" + procedure.feeDecision() + "' (procedure.feeDecision) không có trong"
                            + " gói triển khai và chưa được triển khai; thêm tệp .dmn vào processes/fees/",
                    "fee decision '" + procedure.feeDecision() + "' (procedure.feeDecision) is neither in the deployment nor"
                            + " deployed; add its .dmn file (processes/fees/)");
        }
        if (submission == null) {
            return;
        }
        for (FeeExemption exemption : procedure.feeExemptions()) {
            String field = exemption.when().field();
            if (!submission.fields().contains(field)) {
                rules.add(process, "miễn phí '" + exemption.id() + "' theo trường '" + field + "', nhưng biểu mẫu nộp hồ sơ '"
                                + submission.id() + "' không có trường đó",
                        "fee exemption '" + exemption.id() + "' depends on field '" + field + "', which submission form '"
                                + submission.id() + "' lacks");
            } else if (submission.options().containsKey(field)) {
                exemption.when().values().stream().filter(value -> !submission.options().get(field).contains(value))
                        .forEach(value -> rules.add(process, "miễn phí '" + exemption.id() + "' khi " + field + " = " + value
                                        + ", nhưng trường chỉ có các lựa chọn " + submission.options().get(field),
                                "fee exemption '" + exemption.id() + "' applies if " + field + " = " + value
                                        + ", which is none of the field's options " + submission.options().get(field)));
            }
        }
    }

    private void checkUserTask(Rules rules, UserTask task, Map<String, Form> forms, Predicate<String> deployedForm) {
        if (blank(task.getName())) {
            rules.add(task, "bước xử lý chưa có tên tiếng Việt", "the user task has no (Vietnamese) name");
        }
        checkTaskDate(rules, task, "camunda:dueDate", task.getCamundaDueDate(), "phaseDue");
        checkTaskDate(rules, task, "camunda:followUpDate", task.getCamundaFollowUpDate(), "phaseWarning");
        if (blank(task.getCamundaFormRef())) {
            rules.add(task, "bước xử lý chưa gắn biểu mẫu: đặt Form type \"Camunda Form (linked)\" và Form ID",
                    "the user task has no form: set Form type \"Camunda Form (linked)\" and its Form ID (camunda:formRef)");
        } else {
            if (!"latest".equals(task.getCamundaFormRefBinding())) {
                rules.add(task, "Binding của biểu mẫu phải là \"latest\", không phải '" + task.getCamundaFormRefBinding() + "'",
                        "the form binding must be \"latest\", not '" + task.getCamundaFormRefBinding() + "'");
            }
            Form form = checkFormRef(rules, task, task.getCamundaFormRef(), forms, deployedForm);
            Map<String, String> properties = ExtensionProperties.of(task);
            List<String> fields = new ArrayList<>();
            if (properties.containsKey("outcomeField")) {
                fields.add(properties.get("outcomeField"));
            }
            if (properties.containsKey("noteFields")) {
                fields.addAll(Arrays.asList(properties.get("noteFields").split(",")));
            }
            for (String field : fields) {
                if (form != null && !form.fields().contains(field.strip())) {
                    rules.add(task, "outcomeField/noteFields nêu trường '" + field.strip() + "' mà biểu mẫu '" + form.id()
                                    + "' (" + form.file() + ") không có",
                            "outcomeField/noteFields names field '" + field.strip() + "', which form '" + form.id()
                                    + "' (" + form.file() + ") lacks");
                }
            }
        }
        String groups = task.getCamundaCandidateGroups();
        if (blank(groups)) {
            rules.add(task, "chưa giao cho nhóm nào: đặt Candidate groups dạng <vai trò>:${unit}, ví dụ specialist:${unit}",
                    "no candidate groups: set Candidate groups as <role>:${unit}, e.g. specialist:${unit}");
            return;
        }
        for (String raw : groups.split(",")) {
            String group = raw.strip();
            var matcher = GROUP.matcher(group);
            if (!matcher.matches()) {
                rules.add(task, "nhóm '" + group + "' không đúng dạng <vai trò>:${unit} (vai trò: " + ROLES + ")",
                        "candidate group '" + group + "' is not <role>:${unit} (roles: " + ROLES + ")");
            } else if (!ROLES.contains(matcher.group(1))) {
                rules.add(task, "nhóm '" + group + "' có vai trò lạ '" + matcher.group(1) + "'; dùng một trong " + ROLES,
                        "candidate group '" + group + "' has unknown role '" + matcher.group(1) + "'; use one of " + ROLES);
            } else if (!matcher.group(2).startsWith("${") && !knownUnit.test(matcher.group(2))) {
                rules.add(task, "nhóm '" + group + "' nêu đơn vị '" + matcher.group(2)
                                + "' không có trong danh mục đơn vị; dùng ${unit} (đơn vị tiếp nhận hồ sơ) hoặc một mã đơn vị có thật",
                        "candidate group '" + group + "' names unit '" + matcher.group(2)
                                + "', which is not in the unit list; use ${unit} (the dossier's unit) or an existing unit code");
            }
        }
    }

    /** A due or follow-up date counts working time like the timers: only through the deadline beans. */
    private static void checkTaskDate(Rules rules, UserTask task, String attribute, String value, String method) {
        if (value == null || CALENDAR_EXPRESSION.matcher(value.strip()).matches()
                || CHOSEN_MOMENT.matcher(value.strip()).matches()) {
            return;
        }
        String example = "${deadlines." + method + "(execution, 'processing')}";
        rules.add(task, attribute + " '" + value.strip() + "' không tính theo lịch làm việc; dùng " + example,
                attribute + " '" + value.strip() + "' does not follow the working-time calendar; use " + example);
    }

    private static Form checkFormRef(Rules rules, FlowElement element, String formRef, Map<String, Form> forms,
            Predicate<String> deployedForm) {
        Form form = forms.get(formRef);
        if (form == null && !deployedForm.test(formRef)) {
            rules.add(element, "biểu mẫu '" + formRef + "' không có trong lần triển khai này và chưa từng được triển khai;"
                            + " thêm tệp .form có \"id\": \"" + formRef + "\" vào cùng lần triển khai",
                    "form '" + formRef + "' is neither in this deployment nor deployed before;"
                            + " add the .form file whose \"id\" is \"" + formRef + "\" to the same deployment");
        }
        return form;
    }

    private static void checkTimer(Rules rules, TimerEventDefinition timer) {
        // A timer sits on an event, or inside a task listener of a user task: name the flow element.
        ModelElementInstance owner = timer.getParentElement();
        while (owner != null && !(owner instanceof FlowElement)) {
            owner = owner.getParentElement();
        }
        String expression = timer.getTimeDate() != null ? timer.getTimeDate().getTextContent()
                : timer.getTimeDuration() != null ? timer.getTimeDuration().getTextContent()
                : timer.getTimeCycle() != null ? timer.getTimeCycle().getTextContent() : null;
        if (owner instanceof StartEvent && timer.getTimeCycle() != null && expression != null
                && CONFIGURED_CYCLE.matcher(expression.strip()).matches()) {
            return;
        }
        if (timer.getTimeDate() != null && expression != null && CHOSEN_MOMENT.matcher(expression.strip()).matches()) {
            return;
        }
        if (expression == null || !CALENDAR_EXPRESSION.matcher(expression.strip()).matches()) {
            String shown = expression == null ? "(trống / empty)" : "'" + expression.strip() + "'";
            rules.add(owner == null ? timer : (BaseElement) owner, "hẹn giờ " + shown + " không tính theo lịch làm việc; dùng Timer Date"
                            + " ${deadlines...} (ví dụ ${deadlines.phaseWarning(execution, 'processing')})",
                    "timer " + shown + " does not follow the working-time calendar; use a Timer Date"
                            + " ${deadlines...} (e.g. ${deadlines.phaseWarning(execution, 'processing')})");
        }
    }

    private static void checkIds(Rules rules, BpmnModelInstance model) {
        List<BaseElement> identified = new ArrayList<>();
        identified.addAll(model.getModelElementsByType(Process.class));
        identified.addAll(model.getModelElementsByType(FlowNode.class)); // events (boundary too), tasks, gateways
        identified.addAll(model.getModelElementsByType(SequenceFlow.class));
        identified.addAll(model.getModelElementsByType(Message.class));
        for (BaseElement element : identified) {
            if (element.getId() == null || !SNAKE_CASE_ID.matcher(element.getId()).matches()) {
                rules.add(element, "mã (ID) phải viết thường tiếng Anh nối bằng gạch dưới, ví dụ check_documents",
                        "the id must be lower-case English snake_case, e.g. check_documents");
            }
        }
    }

    private void checkCode(Rules rules, BpmnModelInstance model) {
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            rules.add(task, "không dùng Script Task; dùng Service Task gọi một bean (Delegate expression ${tenBean})",
                    "no script tasks; use a service task calling a bean (delegate expression ${beanName})");
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            rules.add(owner(script.getDomElement()), null,
                    "không dùng script trong listener hay input/output; gọi một bean (${tenBean})",
                    "no scripts in listeners or input/output; call a bean (${beanName})");
        }
        checkCodeReferences(rules, model.getDocument().getRootElement(), "definitions");
    }

    /** No camunda:class anywhere (tasks, listeners, message events); every delegateExpression is ${bean}. */
    private void checkCodeReferences(Rules rules, DomElement element, String ownerId) {
        String id = element.getAttribute("id") != null ? element.getAttribute("id") : ownerId;
        // On BPMN elements the attributes are camunda:class; on camunda:executionListener and the like, plain class.
        boolean camundaElement = CAMUNDA_NAMESPACES.contains(element.getNamespaceURI());
        List<String> namespaces = camundaElement ? Arrays.asList((String) null) : List.copyOf(CAMUNDA_NAMESPACES);
        for (String namespace : namespaces) {
            String type = namespace == null ? element.getAttribute("class") : element.getAttribute(namespace, "class");
            if (!blank(type)) {
                rules.add(id, null, element.getLocalName() + " dùng Java class '" + type
                                + "'; dùng Delegate expression ${tenBean}",
                        element.getLocalName() + " uses Java class '" + type + "'; use delegate expression ${beanName}");
            }
            String expression = namespace == null
                    ? element.getAttribute("delegateExpression") : element.getAttribute(namespace, "delegateExpression");
            if (expression != null && !BEAN_EXPRESSION.matcher(expression.strip()).matches()) {
                rules.add(id, null, "Delegate expression '" + expression + "' phải có dạng ${tenBean}",
                        "delegate expression '" + expression + "' must be ${beanName}");
            } else if (expression != null && !processBean.test(beanName(expression))) {
                rules.add(id, null, "Delegate expression '" + expression + "' không nêu một bean dành cho quy trình"
                                + " (@ProcessBean); dùng một bean có trong docs/modelling-guide.md",
                        "delegate expression '" + expression + "' names no process bean (@ProcessBean);"
                                + " use one listed in docs/modelling-guide.md");
            }
        }
        for (DomElement child : element.getChildElements()) {
            checkCodeReferences(rules, child, id);
        }
    }

    /**
     * Every attribute and text of the model that holds an expression ({@code ${...}}, {@code #{...}}),
     * wherever the engine evaluates it (conditions, listeners, timers, assignments, input/output,
     * called elements...), may only read variables and call process beans ({@link ProcessExpressions}).
     * Documentation and extension properties are text the engine never evaluates.
     */
    private void checkExpressions(Rules rules, org.w3c.dom.Element element, String ownerId, String ownerName) {
        boolean identified = element.hasAttribute("id");
        String id = identified ? element.getAttribute("id") : ownerId;
        String name = identified ? (element.hasAttribute("name") ? element.getAttribute("name") : null) : ownerName;
        if (INERT_ELEMENTS.contains(element.getLocalName())) {
            return;
        }
        org.w3c.dom.NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkExpression(rules, id, name, attributes.item(i).getNodeValue());
        }
        org.w3c.dom.NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node child = children.item(i);
            if (child instanceof org.w3c.dom.Element childElement) {
                checkExpressions(rules, childElement, id, name);
            } else if (child instanceof org.w3c.dom.Text text) { // text and CDATA
                checkExpression(rules, id, name, text.getData());
            }
        }
    }

    private void checkExpression(Rules rules, String element, String name, String text) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        ProcessExpressions.check(text.strip(), processBean).ifPresent(refusal -> rules.add(element, name,
                "biểu thức '" + text.strip() + "': " + refusal.vi(), "expression '" + text.strip() + "': " + refusal.en()));
    }

    private static String beanName(String expression) {
        String text = expression.strip();
        return text.substring(2, text.length() - 1);
    }

    private static void checkDiagram(Rules rules, BpmnModelInstance model) {
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        List<BaseElement> drawable = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
        for (BaseElement element : drawable) {
            if (!drawn.contains(element.getId())) {
                rules.add(element, "phần tử không có hình trên sơ đồ (Modeler và Cockpit không vẽ được); vẽ lại trong Camunda Modeler",
                        "the element has no shape or edge in the diagram (Modeler and Cockpit cannot draw it); redraw it in Camunda Modeler");
            }
        }
    }

    private static void checkDmn(String file, byte[] content, List<Violation> violations) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException e) {
            violations.add(new Violation(file, file, null, "không đọc được bảng quyết định DMN: " + reason(e),
                    "the DMN model is not readable: " + reason(e)));
            return;
        }
        for (DomElement element : dmnElements(model.getDocument().getRootElement())) {
            String language = element.getAttribute("expressionLanguage");
            if (language != null && !FEEL_LANGUAGES.contains(language.strip().toLowerCase(java.util.Locale.ROOT))) {
                String id = element.getAttribute("id") != null ? element.getAttribute("id") : file;
                violations.add(new Violation(file, id, null, "ngôn ngữ biểu thức '" + language
                                + "' không được dùng; bỏ thuộc tính expressionLanguage để dùng FEEL",
                        "expression language '" + language + "' is not allowed; remove expressionLanguage to use FEEL"));
            }
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                violations.add(new Violation(file, decision.getId(), decision.getName(),
                        "thiếu History time to live (camunda:historyTimeToLive) của bảng quyết định",
                        "the decision has no History time to live (camunda:historyTimeToLive)"));
            }
            if (decision.getId() == null || !SNAKE_CASE_ID.matcher(decision.getId()).matches()) {
                violations.add(new Violation(file, decision.getId(), decision.getName(),
                        "mã (ID) phải viết thường tiếng Anh nối bằng gạch dưới", "the id must be lower-case English snake_case"));
            }
        }
    }

    private static List<DomElement> dmnElements(DomElement root) {
        List<DomElement> all = new ArrayList<>();
        all.add(root);
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getChildElements());
        }
        return all;
    }

    /** The XML parser's own words (line, column, what is wrong) sit at the bottom of the model API's wrapping. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    }

    private static String owner(DomElement element) {
        for (DomElement current = element; current != null; current = current.getParentElement()) {
            if (current.getAttribute("id") != null) {
                return current.getAttribute("id");
            }
        }
        return "definitions";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private record Form(String id, String file, Set<String> fields, Map<String, Set<String>> options) {
    }

    private record Rules(String file, List<Violation> violations) {

        void add(BaseElement element, String vi, String en) {
            String name = element instanceof FlowElement flow ? flow.getName()
                    : element instanceof Process process ? process.getName() : null;
            add(element.getId(), name, vi, en);
        }

        void add(String element, String name, String vi, String en) {
            violations.add(new Violation(file, element, name, vi, en));
        }
    }
}
