package vn.motcua.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import vn.motcua.catalogue.Phase;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.ProcedureCatalogue;
import vn.motcua.checks.ProcedureChecker;
import vn.motcua.documents.DocumentsProperties;

/**
 * The Camunda Modeler element templates of {@code .camunda/element-templates} (docs/modelling-guide.md,
 * section 2a): valid for the Modeler, a field for every property the code reads, and every shipped model's
 * values within the fields' rules, so an analyst opening a shipped model sees no red field.
 */
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of(".camunda/element-templates");
    /** {@code @camunda/element-templates-json-schema} 0.22.1, resources/schema.json, as published on npm. */
    static final Path SCHEMA = Path.of("src/test/resources/element-templates/element-templates-schema-0.22.1.json");
    static final String PROCESS_TEMPLATE = "vn.motcua.procedure";
    static final String STEP_TEMPLATE = "vn.motcua.processing-step";
    static final String START_TEMPLATE = "vn.motcua.submission-start";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /**
     * Properties an analyst names once per entry ({@code procedure.document.<id>}, {@code procedure.feeExemption.<id>}):
     * a template field binds one fixed name, so these stay under Extensions > Properties.
     */
    static final Set<String> PER_ENTRY = Set.of("procedure.document.", "procedure.feeExemption.");
    /** Still read for models written before {@code procedure.deadline}; not offered to new models. */
    static final Set<String> OLDER_FORMS = Set.of("procedure.deadlineWorkingDays");

    /** The catalogue reads a procedure's properties without their prefix: reader.text("code"), properties.get("feeNote"). */
    private static final Pattern CATALOGUE_READ = Pattern.compile(
            "\\b(?:text|choice|choices|number|get|containsKey|getOrDefault)\\(\\s*\"([A-Za-z][A-Za-z0-9]*\\.?)\"");
    private static final Pattern CATALOGUE_NAME = Pattern.compile("static final String [A-Z_]+ = \"([a-z][A-Za-z0-9]*\\.?)\";");
    private static final Pattern PROCEDURE_NAME = Pattern.compile("\"procedure\\.([A-Za-z][A-Za-z0-9]*\\.?)\"");
    /** Elsewhere, a task's properties: properties.get("outcomeField"), ExtensionProperties.of(task).get("outcomeField"). */
    private static final Pattern TASK_READ = Pattern.compile(
            "(?:\\bproperties|ExtensionProperties\\.of\\([^;]*?\\))\\s*\\.(?:get|containsKey|getOrDefault)\\(\\s*\"([A-Za-z][A-Za-z0-9]*)\"");

    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void shouldFollowOfficialSchemaWhenModelerLoadsTheTemplates() throws IOException {
        Map<String, List<String>> errors = new TreeMap<>();
        for (Path file : templateFiles()) {
            errors.put(file.getFileName().toString(), schema().validate(json.readTree(file.toFile())).stream()
                    .map(Error::toString).toList());
        }

        assertThat(errors).isNotEmpty().allSatisfy((file, problems) -> assertThat(problems).as(file).isEmpty());
    }

    @Test
    void shouldRefuseTemplateWhenItBreaksTheSchema() throws IOException {
        // camunda:property bindings take String, Hidden or Dropdown fields only: Modeler would not load this one.
        JsonNode broken = json.readTree("""
                {"name": "t", "id": "t", "appliesTo": ["bpmn:Process"], "properties": [
                  {"label": "x", "type": "Text", "binding": {"type": "camunda:property", "name": "procedure.code"}}]}""");

        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void shouldOfferFieldForEveryPropertyWhenTheCodeReadsIt() throws IOException {
        Set<String> processFields = boundNames(PROCESS_TEMPLATE);
        Set<String> stepFields = boundNames(STEP_TEMPLATE);
        CodeReads reads = codeReads();

        assertThat(reads.families()).as("property families the catalogue reads by prefix").containsExactlyInAnyOrderElementsOf(PER_ENTRY);
        assertThat(reads.procedure()).as("procedure.* properties the code reads").isNotEmpty()
                .allSatisfy(name -> assertThat(processFields).as("a field in " + TEMPLATES.resolve("motcua-procedure.json")
                        + " binds " + name + " (camunda:property); if it is not a property at all, do not name it in a"
                        + " constant or a reader call of vn.motcua.catalogue").contains(name));
        assertThat(reads.task()).as("user task properties the code reads").isNotEmpty()
                .allSatisfy(name -> assertThat(stepFields).as("a field in " + TEMPLATES.resolve("motcua-processing-step.json")
                        + " binds " + name).contains(name));
        // And no field writes a property nothing reads.
        assertThat(processFields).containsExactlyInAnyOrderElementsOf(reads.procedure());
        assertThat(stepFields).containsExactlyInAnyOrderElementsOf(reads.task());
    }

    @Test
    void shouldAcceptEveryShippedValueWhenCheckedAgainstTheFields() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> procedures;
        try (Stream<Path> files = Files.list(Path.of("processes/procedures"))) {
            procedures = files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
        }
        for (Path file : procedures) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                check(file, process, PROCESS_TEMPLATE, problems);
                linked(file, process, PROCESS_TEMPLATE, problems);
                Set<String> fields = boundNames(PROCESS_TEMPLATE);
                ExtensionProperties.of(process).keySet().stream()
                        .filter(name -> !fields.contains(name) && PER_ENTRY.stream().noneMatch(name::startsWith))
                        .forEach(name -> problems.add(file + " › " + process.getId() + ": property " + name
                                + " has no field in the procedure template"));
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                check(file, task, STEP_TEMPLATE, problems);
                linked(file, task, STEP_TEMPLATE, problems);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    check(file, start, START_TEMPLATE, problems);
                    linked(file, start, START_TEMPLATE, problems);
                }
            }
        }

        assertThat(procedures).isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptEveryPhaseWhenStepDatesNameIt() throws IOException {
        Map<String, String> patterns = new TreeMap<>();
        for (JsonNode field : template(STEP_TEMPLATE).path("properties")) {
            patterns.put(field.path("binding").path("name").asText(), field.path("constraints").path("pattern").path("value").asText());
        }

        for (Phase phase : Phase.values()) {
            assertThat("${deadlines.phaseDue(execution, '" + phase.modelName() + "')}").containsPattern(patterns.get("camunda:dueDate"));
            assertThat("${deadlines.phaseWarning(execution, '" + phase.modelName() + "')}")
                    .containsPattern(patterns.get("camunda:followUpDate"));
        }
        assertThat("${deadlines.phaseDue(execution, 'appraisal')}").doesNotContainPattern(patterns.get("camunda:dueDate"));
    }

    @Test
    void shouldReadFieldAsUnsetWhenModelerLeavesItEmpty() throws IOException {
        // A template field left empty is saved as value="": the catalogue reads the procedure's defaults.
        String model = Files.readString(Path.of("processes/procedures/household-business-registration.bpmn"))
                .replace("name=\"procedure.cutOff\" value=\"15:00\"", "name=\"procedure.cutOff\" value=\"\"")
                .replace("<camunda:property name=\"procedure.fee\"",
                        "<camunda:property name=\"procedure.channels\" value=\"\" /><camunda:property name=\"procedure.fee\"");

        Procedure procedure = ProcedureCatalogue.readModel("household-business-registration.bpmn",
                "household_business_registration", Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
                        model.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                new DocumentsProperties(null, null, null, null, null, null, null)).orElseThrow();

        assertThat(procedure.timeLimits().cutOff()).isNull();
        assertThat(procedure.channels()).hasSize(3);
    }

    @Test
    void shouldPassTheChecksWhenModelIsLinkedToTheTemplates() throws IOException {
        // How a model shows the fields in Modeler: its elements name their template, as every shipped procedure does.
        String model = Files.readString(Path.of("processes/procedures/household-business-registration.bpmn"));
        assertThat(model).contains("<bpmn:process camunda:modelerTemplate=\"" + PROCESS_TEMPLATE + "\"",
                "<bpmn:startEvent camunda:modelerTemplate=\"" + START_TEMPLATE + "\"",
                "<bpmn:userTask camunda:modelerTemplate=\"" + STEP_TEMPLATE + "\"");
        Map<String, byte[]> files = new TreeMap<>();
        files.put("household-business-registration.bpmn", model.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // The result document's template ships beside the model, in the same deployment.
        Path template = Path.of("processes/procedures/household-business-registration.result.xhtml");
        files.put(template.getFileName().toString(), Files.readAllBytes(template));
        Path forms = Path.of("forms/procedures/household-business-registration");
        try (Stream<Path> form = Files.list(forms)) {
            for (Path file : form.toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        ProcedureChecker checker = new ProcedureChecker(new DocumentsProperties(null, null, null, null, null, null, null),
                unit -> false, bean -> true);

        assertThat(checker.check(files, form -> false)).isEmpty();
        assertThat(Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(files.get("household-business-registration.bpmn")))
                .getModelElementById("household_business_registration").getAttributeValueNs(CAMUNDA_NS, "modelerTemplate"))
                .isEqualTo(PROCESS_TEMPLATE);
    }

    @Test
    void shouldCarryNoVersionWhenModelerCouldOfferAnUpdate() throws IOException {
        // Modeler's "Update template" replaces the element's camunda:properties with the template's own, which
        // would drop every document slot and fee exemption: without a version, a changed template only shows
        // its new fields on the models already linked to it.
        for (JsonNode template : templates()) {
            assertThat(template.has("version")).as(template.path("id").asText()).isFalse();
        }
    }

    /** Every field of the template, against the element's value: the rules Modeler shows in red. */
    private void check(Path file, BaseElement element, String templateId, List<String> problems) throws IOException {
        Map<String, String> properties = ExtensionProperties.of(element);
        for (JsonNode field : template(templateId).path("properties")) {
            JsonNode binding = field.path("binding");
            String name = binding.path("name").asText();
            String value = switch (binding.path("type").asText()) {
                case "camunda:property" -> properties.getOrDefault(name, "");
                case "property" -> attribute(element, name);
                default -> throw new IllegalStateException("binding " + binding + " is not checked here");
            };
            String where = file + " › " + element.getId() + " " + name + " = '" + value + "': ";
            JsonNode constraints = field.path("constraints");
            if (constraints.path("notEmpty").asBoolean() && value.isEmpty()) {
                problems.add(where + "must not be empty");
            }
            JsonNode pattern = constraints.path("pattern");
            String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
            // Modeler tests the pattern as JavaScript's RegExp.test does: anywhere in the value.
            if (regex != null && !Pattern.compile(regex).matcher(value).find()) {
                problems.add(where + pattern.path("message").asText(regex));
            }
            if (field.path("type").asText().equals("Dropdown")) {
                List<String> choices = new ArrayList<>();
                field.path("choices").forEach(choice -> choices.add(choice.path("value").asText()));
                if (!choices.contains(value)) {
                    problems.add(where + "is none of the dropdown's choices " + choices);
                }
            }
            if (field.path("type").asText().equals("Hidden") && !field.path("value").asText().equals(value)) {
                problems.add(where + "the template sets '" + field.path("value").asText() + "'");
            }
        }
    }

    /** The element opens in Modeler with the template's fields: without the link the analyst sees raw properties. */
    private static void linked(Path file, BaseElement element, String templateId, List<String> problems) {
        String template = attribute(element, "camunda:modelerTemplate");
        if (!template.equals(templateId)) {
            problems.add(file + " › " + element.getId() + ": camunda:modelerTemplate = '" + template + "', not " + templateId);
        }
    }

    private static String attribute(BaseElement element, String name) {
        String value = name.startsWith("camunda:")
                ? element.getDomElement().getAttribute(CAMUNDA_NS, name.substring("camunda:".length()))
                : element.getDomElement().getAttribute(name);
        return value == null ? "" : value;
    }

    private record CodeReads(Set<String> procedure, Set<String> families, Set<String> task) {
    }

    /** The property names main code reads, from its sources: what a template must offer as fields. */
    private static CodeReads codeReads() throws IOException {
        Set<String> procedure = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Set<String> task = new TreeSet<>();
        Path catalogue = Path.of("src/main/java/vn/motcua/catalogue");
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            List<String> names = new ArrayList<>(matches(PROCEDURE_NAME, source));
            if (file.startsWith(catalogue)) {
                names.addAll(matches(CATALOGUE_READ, source));
                names.addAll(matches(CATALOGUE_NAME, source));
            } else {
                task.addAll(matches(TASK_READ, source));
            }
            for (String name : names) {
                if (name.equals("procedure.")) {
                    continue; // the prefix itself
                }
                String full = "procedure." + name;
                if (full.equals("procedure.share.")) {
                    // A closed family: one field per phase.
                    Arrays.stream(Phase.values()).forEach(phase -> procedure.add(full + phase.modelName()));
                } else if (full.endsWith(".")) {
                    families.add(full);
                } else if (!OLDER_FORMS.contains(full)) {
                    procedure.add(full);
                }
            }
        }
        return new CodeReads(procedure, families, task);
    }

    private static List<String> matches(Pattern pattern, String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    private Set<String> boundNames(String templateId) throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode field : template(templateId).path("properties")) {
            if (field.path("binding").path("type").asText().equals("camunda:property")) {
                names.add(field.path("binding").path("name").asText());
            }
        }
        return names;
    }

    private JsonNode template(String id) throws IOException {
        return templates().stream().filter(template -> template.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + id + " in " + TEMPLATES));
    }

    private List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        for (Path file : templateFiles()) {
            JsonNode content = json.readTree(file.toFile());
            if (content.isArray()) {
                content.forEach(templates::add);
            } else {
                templates.add(content);
            }
        }
        return templates;
    }

    private static List<Path> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
