package vn.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.catalogue.TimeLimits;
import vn.motcua.catalogue.DocumentSlot;
import vn.motcua.catalogue.DocumentSlots;
import vn.motcua.catalogue.InvalidProcedureException;
import vn.motcua.documents.DocumentsProperties;

/**
 * The modelling rules of docs/architecture.md, checked on every model in {@code processes/} and the
 * forms in {@code forms/} they name, so an analyst's edit in Camunda Modeler that breaks one fails the
 * build with the file and the element to fix.
 */
class ProcessModelConventionsTest {

    /** Maven runs the tests from the project root, where analysts keep these folders. */
    private static final Path PROCESSES = Paths.get("processes");
    private static final Path FORMS = Paths.get("forms");

    private static final Pattern SNAKE_CASE_ID = Pattern.compile("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*}$");
    private static final Pattern CANDIDATE_GROUPS = Pattern.compile("^[a-z]+:\\$\\{unit}$");
    /** The Tasklist of Camunda 7.24 renders Camunda Forms up to this schema version. */
    private static final int MAX_FORM_SCHEMA_VERSION = 16;
    /** Camunda reads its extension attributes from either namespace. */
    private static final Set<String> CAMUNDA_NAMESPACES = Set.of(
            "http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    static Stream<Path> models() throws IOException {
        assertThat(PROCESSES).as("folder of the BPMN models (tests run from the project root)").isDirectory();
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            List<Path> models = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).as("BPMN models under %s", PROCESSES).isNotEmpty();
            return models.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldBeExecutableWithHistoryTimeToLiveWhenModelIsDeployed(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        Collection<Process> processes = model.getModelElementsByType(Process.class);
        if (processes.isEmpty()) {
            violations.add("no process");
        }
        for (Process process : processes) {
            if (!process.isExecutable()) {
                violations.add("process '" + process.getId() + "' is not executable (isExecutable=\"true\")");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                violations.add("process '" + process.getId() + "' has no camunda:historyTimeToLive");
            }
            if (process.isCamundaStartableInTasklist()) {
                violations.add("process '" + process.getId()
                        + "' is startable in Tasklist (dossiers start only through the API: camunda:isStartableInTasklist=\"false\")");
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldNameFormAndUnitGroupWhenTaskIsForOfficers(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (blank(task.getCamundaFormRef())) {
                violations.add("user task '" + task.getId() + "' has no camunda:formRef");
            } else if (!"latest".equals(task.getCamundaFormRefBinding())) {
                violations.add("user task '" + task.getId() + "' has camunda:formRefBinding '"
                        + task.getCamundaFormRefBinding() + "', expected 'latest'");
            }
            String groups = task.getCamundaCandidateGroups();
            if (blank(groups)) {
                violations.add("user task '" + task.getId() + "' has no camunda:candidateGroups");
            } else {
                for (String group : groups.split(",")) {
                    if (!CANDIDATE_GROUPS.matcher(group.strip()).matches()) {
                        violations.add("user task '" + task.getId() + "' has candidate group '" + group.strip()
                                + "', expected <role>:${unit}");
                    }
                }
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldUseSnakeCaseIdsWhenElementIsReferencedByCode(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        List<BaseElement> identified = new ArrayList<>();
        identified.addAll(model.getModelElementsByType(Process.class));
        identified.addAll(model.getModelElementsByType(FlowNode.class)); // events (boundary too), tasks, gateways
        identified.addAll(model.getModelElementsByType(SequenceFlow.class));
        identified.addAll(model.getModelElementsByType(Message.class));
        for (BaseElement element : identified) {
            if (element.getId() == null || !SNAKE_CASE_ID.matcher(element.getId()).matches()) {
                violations.add(element.getElementType().getTypeName() + " '" + element.getId()
                        + "' is not a snake_case id (" + SNAKE_CASE_ID.pattern() + ")");
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldCallNamedBeansOnlyWhenModelRunsCode(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            violations.add("script task '" + task.getId() + "': call a bean with camunda:delegateExpression instead");
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            violations.add("camunda:script in '" + owner(script.getDomElement()) + "': call a bean instead");
        }
        checkCodeReferences(model.getDocument().getRootElement(), "definitions", violations);

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldReferenceExistingFormWhenElementHasFormRef(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Form> forms = forms();
        List<String> violations = new ArrayList<>();

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Form form = checkFormRef(task.getId(), task.getCamundaFormRef(), forms, violations);
            Map<String, String> properties = properties(task);
            List<String> fields = new ArrayList<>();
            if (properties.containsKey("outcomeField")) {
                fields.add(properties.get("outcomeField"));
            }
            if (properties.containsKey("noteFields")) {
                fields.addAll(Arrays.asList(properties.get("noteFields").split(",")));
            }
            for (String field : fields) {
                if (form != null && !form.fields().contains(field.strip())) {
                    violations.add("user task '" + task.getId() + "' names field '" + field.strip()
                            + "' in outcomeField/noteFields, which form '" + form.id() + "' (" + form.file() + ") lacks");
                }
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (!blank(start.getCamundaFormRef())) {
                checkFormRef(start.getId(), start.getCamundaFormRef(), forms, violations);
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    /** A procedure's deadline, phase shares, cut-off and clock policy read as the catalogue reads them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldStateReadableTimeLimitsWhenModelIsAProcedure(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> violations = new ArrayList<>();

        for (Process process : model.getModelElementsByType(Process.class)) {
            Map<String, String> procedure = new HashMap<>();
            properties(process).forEach((name, value) -> {
                if (name != null && name.startsWith("procedure.")) {
                    procedure.put(name.substring("procedure.".length()), value);
                }
            });
            if (!procedure.containsKey("code")) {
                continue;
            }
            try {
                TimeLimits.read(procedure);
            } catch (IllegalArgumentException e) {
                violations.add("process '" + process.getId() + "': " + e.getMessage());
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldDeclareReadableDocumentSlotsWhenProcessIsAProcedure(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, Form> forms = forms();
        List<String> violations = new ArrayList<>();

        for (Process process : model.getModelElementsByType(Process.class)) {
            Map<String, String> properties = properties(process);
            if (!properties.containsKey("procedure.code")) {
                continue;
            }
            List<DocumentSlot> slots;
            try {
                // The shipped defaults: a model must not rely on an installation's larger limits.
                slots = DocumentSlots.read(file.toString(), process.getId(), properties,
                        new DocumentsProperties(null, null, null, null, null, null));
            } catch (InvalidProcedureException e) {
                violations.add(e.getMessage());
                continue;
            }
            if (slots.stream().noneMatch(DocumentSlot::required)) {
                violations.add("procedure '" + process.getId() + "' declares no required document"
                        + " (procedure.document.<id> = name | English name | required ...)");
            }
            Form submission = process.getChildElementsByType(StartEvent.class).stream()
                    .map(start -> forms.get(start.getCamundaFormRef()))
                    .filter(form -> form != null)
                    .findFirst().orElse(null);
            for (DocumentSlot slot : slots) {
                DocumentSlot.Condition condition = slot.requiredWhen();
                if (condition == null || submission == null) {
                    continue;
                }
                if (!submission.fields().contains(condition.field())) {
                    violations.add("document slot '" + slot.id() + "' is required if field '" + condition.field()
                            + "', which submission form '" + submission.id() + "' lacks");
                } else if (submission.options().containsKey(condition.field())) {
                    for (String value : condition.values()) {
                        if (!submission.options().get(condition.field()).contains(value)) {
                            violations.add("document slot '" + slot.id() + "' is required if " + condition.field()
                                    + " = " + value + ", which is none of the field's options "
                                    + submission.options().get(condition.field()));
                        }
                    }
                }
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void shouldDrawEveryElementWhenModelIsOpenedInModeler(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        List<String> violations = new ArrayList<>();

        List<BaseElement> drawable = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
        for (BaseElement element : drawable) {
            if (!drawn.contains(element.getId())) {
                violations.add(element.getElementType().getTypeName() + " '" + element.getId()
                        + "' has no shape or edge in the diagram (Modeler and Cockpit would not draw it)");
            }
        }

        assertThat(violations).as(report(file)).isEmpty();
    }

    /** No camunda:class anywhere (tasks, listeners, message events); every delegateExpression is ${bean}. */
    private static void checkCodeReferences(DomElement element, String ownerId, List<String> violations) {
        String id = element.getAttribute("id") != null ? element.getAttribute("id") : ownerId;
        // On BPMN elements the attributes are camunda:class; on camunda:executionListener and the like, plain class.
        boolean camundaElement = CAMUNDA_NAMESPACES.contains(element.getNamespaceURI());
        List<String> namespaces = camundaElement ? Arrays.asList((String) null) : List.copyOf(CAMUNDA_NAMESPACES);
        for (String namespace : namespaces) {
            String type = namespace == null ? element.getAttribute("class") : element.getAttribute(namespace, "class");
            if (!blank(type)) {
                violations.add(element.getLocalName() + " in '" + id + "' uses camunda:class '" + type
                        + "': use camunda:delegateExpression=\"${bean}\"");
            }
            String expression = namespace == null
                    ? element.getAttribute("delegateExpression") : element.getAttribute(namespace, "delegateExpression");
            if (expression != null && !BEAN_EXPRESSION.matcher(expression.strip()).matches()) {
                violations.add(element.getLocalName() + " in '" + id + "' has camunda:delegateExpression '"
                        + expression + "', expected ${beanName}");
            }
        }
        for (DomElement child : element.getChildElements()) {
            checkCodeReferences(child, id, violations);
        }
    }

    private static Form checkFormRef(String elementId, String formRef, Map<String, Form> forms, List<String> violations) {
        if (blank(formRef)) {
            return null; // reported by shouldNameFormAndUnitGroupWhenTaskIsForOfficers
        }
        Form form = forms.get(formRef);
        if (form == null) {
            violations.add("'" + elementId + "' references form '" + formRef + "', but no " + FORMS
                    + "/**/*.form has that \"id\"");
            return null;
        }
        if (form.schemaVersion() > MAX_FORM_SCHEMA_VERSION) {
            violations.add("'" + elementId + "' references form '" + formRef + "' (" + form.file() + ") with schemaVersion "
                    + form.schemaVersion() + "; the Tasklist renders up to " + MAX_FORM_SCHEMA_VERSION);
        }
        return form;
    }

    private static Map<String, Form> forms() throws IOException {
        assertThat(FORMS).as("folder of the Camunda Forms (tests run from the project root)").isDirectory();
        ObjectMapper json = new ObjectMapper();
        Map<String, Form> forms = new HashMap<>();
        try (Stream<Path> files = Files.walk(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                JsonNode form = json.readTree(file.toFile());
                String id = form.path("id").asText(null);
                int schemaVersion = form.path("schemaVersion").asInt(Integer.MAX_VALUE);
                Set<String> fields = new LinkedHashSet<>();
                Map<String, Set<String>> options = new HashMap<>();
                collectFieldKeys(form.path("components"), fields, options);
                Form previous = forms.put(id, new Form(id, file, schemaVersion, fields, options));
                assertThat(previous).as("form id '%s' used by both %s and %s", id,
                        previous == null ? null : previous.file(), file).isNull();
            }
        }
        return forms;
    }

    private static void collectFieldKeys(JsonNode components, Set<String> keys, Map<String, Set<String>> options) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
                if (component.path("values").isArray()) {
                    Set<String> values = new LinkedHashSet<>();
                    component.path("values").forEach(option -> values.add(option.path("value").asText()));
                    options.put(component.get("key").asText(), values);
                }
            }
            collectFieldKeys(component.path("components"), keys, options); // groups and dynamic lists nest components
        }
    }

    private static Map<String, String> properties(BaseElement element) {
        Map<String, String> properties = new HashMap<>();
        if (element.getExtensionElements() != null) {
            for (CamundaProperties group : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).list()) {
                for (CamundaProperty property : group.getCamundaProperties()) {
                    properties.put(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return properties;
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

    private static String report(Path file) {
        return "convention violations in " + file;
    }

    private record Form(String id, Path file, int schemaVersion, Set<String> fields, Map<String, Set<String>> options) {
    }
}
