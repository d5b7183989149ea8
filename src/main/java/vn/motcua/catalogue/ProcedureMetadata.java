package vn.motcua.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;

import vn.motcua.documents.DocumentsProperties;
import vn.motcua.modelling.ExtensionProperties;
import vn.motcua.unit.UnitLevel;

/**
 * Reads a procedure's catalogue entry from the {@code procedure.*} extension properties of its
 * process. A model without {@code procedure.code} is not a procedure (the shared lifecycle models).
 */
final class ProcedureMetadata {

    static final String PREFIX = "procedure.";
    private static final String EXEMPTION = "feeExemption.";
    private static final Pattern EXEMPTION_CONDITION = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*)\\s*=\\s*(.+)$");

    private ProcedureMetadata() {
    }

    static Optional<Procedure> read(ProcessDefinition definition, BpmnModelInstance model, DocumentsProperties limits) {
        Process process = model.getModelElementById(definition.getKey());
        Map<String, String> properties = procedureProperties(process);
        if (!properties.containsKey("code")) {
            return Optional.empty();
        }
        // Every property is read even after a broken one, so the refusal lists all of them at once.
        Reader reader = new Reader(definition, properties);
        String submissionForm = process.getChildElementsByType(StartEvent.class).stream()
                .map(StartEvent::getCamundaFormRef)
                .filter(ref -> ref != null && !ref.isBlank())
                .findFirst()
                .orElse(null);
        if (submissionForm == null) {
            reader.problem("start event", "the start event needs camunda:formRef naming the submission form");
        }
        TimeLimits timeLimits = reader.timeLimits();
        OnlineLevel onlineLevel = reader.choice("onlineLevel", OnlineLevel.class);
        Set<SubmissionChannel> channels = properties.containsKey("channels")
                ? reader.choices("channels", SubmissionChannel.class) : EnumSet.allOf(SubmissionChannel.class);
        if (onlineLevel == OnlineLevel.WHOLLY_ONLINE && !channels.contains(SubmissionChannel.ONLINE)) {
            reader.problem("process " + definition.getKey(), PREFIX + "channels " + channels
                    + " leaves out ONLINE, which a WHOLLY_ONLINE procedure needs: add ONLINE or set "
                    + PREFIX + "onlineLevel to PARTIALLY_ONLINE");
        }
        String feeNote = properties.get("feeNote");
        String feeDecision = properties.get("feeDecision");
        feeDecision = feeDecision == null || feeDecision.isBlank() ? null : feeDecision.strip();
        long fee = properties.containsKey("fee") ? reader.number("fee") : 0;
        List<FeeExemption> exemptions = reader.feeExemptions();
        PaymentStage payment = properties.containsKey("payment") ? reader.choice("payment", PaymentStage.class)
                : PaymentStage.NONE;
        if ((fee > 0 || feeDecision != null) && payment == PaymentStage.NONE && !properties.containsKey("payment")) {
            reader.problem("process " + definition.getKey(), "a procedure with a fee (" + PREFIX + "fee or "
                    + PREFIX + "feeDecision) must say when it is paid: " + PREFIX
                    + "payment = BEFORE_PROCESSING, BEFORE_RESULT or NONE (collected outside motcua)");
        }
        String code = reader.text("code");
        String name = reader.text("name");
        String sector = reader.text("sector");
        UnitLevel unitLevel = reader.choice("unitLevel", UnitLevel.class);
        Routing routing = reader.routing(unitLevel);
        Set<ResultChannel> resultChannels = reader.choices("resultChannels", ResultChannel.class);
        String legalBasis = reader.text("legalBasis");
        List<DocumentSlot> documents = reader.documents(ExtensionProperties.of(process), limits);
        reader.refuseIfBroken();
        return Optional.of(new Procedure(
                definition.getKey(),
                definition.getVersion(),
                definition.getId(),
                code,
                name,
                properties.getOrDefault("nameEn", name),
                sector,
                unitLevel,
                timeLimits.wholeWorkingDays(),
                fee,
                onlineLevel,
                resultChannels,
                legalBasis,
                submissionForm,
                timeLimits,
                documents,
                channels,
                feeNote == null || feeNote.isBlank() ? null : feeNote.strip(),
                feeDecision,
                exemptions,
                payment,
                routing,
                resultTemplate(definition.getResourceName(), properties.get("resultTemplate"))));
    }

    /**
     * The resource {@code procedure.resultTemplate} names: a file name read beside the model's own resource, as
     * it lies beside the model in processes/procedures/ and in a deployment from Camunda Modeler.
     */
    static String resultTemplate(String modelResource, String template) {
        if (template == null || template.isBlank()) {
            return null;
        }
        String name = template.strip();
        if (name.contains("/") || name.contains("\\") || !name.endsWith(".xhtml")) {
            throw new InvalidProcedureException(modelResource, "process", PREFIX + "resultTemplate '" + name
                    + "' must be the file name of an .xhtml template beside the model, without folders");
        }
        int folder = modelResource == null ? -1 : Math.max(modelResource.lastIndexOf('/'), modelResource.lastIndexOf('\\'));
        return folder < 0 ? name : modelResource.substring(0, folder + 1) + name;
    }

    private static Map<String, String> procedureProperties(Process process) {
        Map<String, String> properties = new HashMap<>();
        ExtensionProperties.of(process).forEach((name, value) -> {
            if (name.startsWith(PREFIX)) {
                properties.put(name.substring(PREFIX.length()), value);
            }
        });
        return properties;
    }

    /** Reads the properties, noting each problem and going on with a neutral value (null, 0, none). */
    private static final class Reader {

        private final ProcessDefinition definition;
        private final Map<String, String> properties;
        private final List<InvalidProcedureException> problems = new ArrayList<>();

        Reader(ProcessDefinition definition, Map<String, String> properties) {
            this.definition = definition;
            this.properties = properties;
        }

        String text(String name) {
            String value = properties.get(name);
            if (value == null || value.isBlank()) {
                problem("process " + definition.getKey(), "missing extension property " + PREFIX + name);
                return null;
            }
            return value;
        }

        List<DocumentSlot> documents(Map<String, String> extensionProperties, DocumentsProperties limits) {
            try {
                return DocumentSlots.read(definition.getResourceName(), definition.getKey(), extensionProperties, limits);
            } catch (InvalidProcedureException e) {
                problems.add(e);
                return List.of();
            }
        }

        /** Throws one exception with every problem noted, if there is any. */
        void refuseIfBroken() {
            if (!problems.isEmpty()) {
                throw InvalidProcedureException.of(problems);
            }
        }

        /** {@code procedure.feeExemption.<id> = <field> = <value>[, <value>] | reason}, sorted by id. */
        List<FeeExemption> feeExemptions() {
            List<FeeExemption> exemptions = new ArrayList<>();
            properties.keySet().stream().filter(name -> name.startsWith(EXEMPTION)).sorted().forEach(name -> {
                String id = name.substring(EXEMPTION.length());
                String[] parts = properties.get(name).split("\\|", 2);
                Matcher condition = parts.length == 2 ? EXEMPTION_CONDITION.matcher(parts[0].strip()) : null;
                if (condition == null || !condition.matches() || parts[1].isBlank()) {
                    problem("process " + definition.getKey(), PREFIX + name
                            + " must read '<field> = <value>[, <value>] | lý do / reason', not '" + properties.get(name) + "'");
                    return;
                }
                List<String> values = Arrays.stream(condition.group(2).split(",")).map(String::strip)
                        .filter(value -> !value.isEmpty()).toList();
                exemptions.add(new FeeExemption(id, new DocumentSlot.Condition(condition.group(1), values),
                        parts[1].strip()));
            });
            return List.copyOf(exemptions);
        }

        /**
         * {@code procedure.receivedAt} (a level, or one unit's code; the procedure's own level when unset) and
         * {@code procedure.decidedBy} (PARENT or one unit's code; the receiving unit when unset). A parent
         * decides one level up from where dossiers are received, at the procedure's level.
         */
        Routing routing(UnitLevel level) {
            try {
                return readRouting(level);
            } catch (InvalidProcedureException e) {
                problems.add(e);
                return null;
            }
        }

        private Routing readRouting(UnitLevel level) {
            String received = properties.getOrDefault("receivedAt", "").strip();
            String decided = properties.getOrDefault("decidedBy", "").strip();
            String process = "process " + definition.getKey();
            UnitLevel receivingLevel = received.isEmpty() ? level : levelOrNull(received);
            String receivingUnit = received.isEmpty() || receivingLevel != null ? null : received;
            if (receivingUnit != null && !Routing.UNIT_CODE.matcher(receivingUnit).matches()) {
                throw invalid(process, PREFIX + "receivedAt must be a level " + Arrays.toString(UnitLevel.values())
                        + " or one unit's code (e.g. 000.00.31.H26), not '" + received + "'");
            }
            if (decided.isEmpty()) {
                if (receivingLevel != null && receivingLevel != level) {
                    throw invalid(process, PREFIX + "receivedAt " + receivingLevel + " differs from " + PREFIX
                            + "unitLevel " + level + " but no unit decides: set " + PREFIX
                            + "decidedBy (PARENT or a unit code), or make receivedAt " + level);
                }
                return new Routing(receivingLevel, receivingUnit, null);
            }
            if (!Routing.PARENT.equals(decided) && (levelOrNull(decided) != null
                    || !Routing.UNIT_CODE.matcher(decided).matches())) {
                throw invalid(process, PREFIX + "decidedBy must be PARENT (the receiving unit's parent) or one unit's"
                        + " code (e.g. 000.00.12.H26), not '" + decided + "'");
            }
            if (Routing.PARENT.equals(decided) && receivingLevel != null && !isChildLevel(receivingLevel, level)) {
                throw invalid(process, PREFIX + "decidedBy PARENT: the parent of a " + receivingLevel
                        + " unit is not at " + PREFIX + "unitLevel " + level + "; set " + PREFIX + "receivedAt to "
                        + (level == UnitLevel.COMMUNE ? "a unit code" : level == UnitLevel.DISTRICT ? "COMMUNE" : "DISTRICT")
                        + ", or name the deciding unit's code in " + PREFIX + "decidedBy");
            }
            if (decided.equals(receivingUnit)) {
                throw invalid(process, PREFIX + "decidedBy names the receiving unit " + decided
                        + " itself: leave " + PREFIX + "decidedBy out");
            }
            return new Routing(receivingLevel, receivingUnit, decided);
        }

        private static UnitLevel levelOrNull(String value) {
            for (UnitLevel candidate : UnitLevel.values()) {
                if (candidate.name().equals(value)) {
                    return candidate;
                }
            }
            return null;
        }

        /** A commune's parent is a district, a district's the province (the enum runs upwards). */
        private static boolean isChildLevel(UnitLevel child, UnitLevel parent) {
            return child.ordinal() == parent.ordinal() - 1;
        }

        TimeLimits timeLimits() {
            try {
                return TimeLimits.read(properties);
            } catch (IllegalArgumentException e) {
                problem("process " + definition.getKey(), e.getMessage());
                return null;
            }
        }

        int number(String name) {
            String value = text(name);
            if (value == null) {
                return 0;
            }
            try {
                int number = Integer.parseInt(value);
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                problem("process " + definition.getKey(),
                        PREFIX + name + " must be a whole number of at least 0, not '" + value + "'");
                return 0;
            }
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            return choice(name, text(name), type);
        }

        <E extends Enum<E>> Set<E> choices(String name, Class<E> type) {
            Set<E> values = EnumSet.noneOf(type);
            String list = text(name);
            if (list == null) {
                return values;
            }
            for (String value : list.split(",")) {
                E choice = choice(name, value.strip(), type);
                if (choice != null) {
                    values.add(choice);
                }
            }
            return values;
        }

        private <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                problem("process " + definition.getKey(), PREFIX + name + " must be one of "
                        + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
                return null;
            }
        }

        /** A routing problem: thrown inside {@link #readRouting}, noted by {@link #routing} with the others. */
        private InvalidProcedureException invalid(String element, String problem) {
            return new InvalidProcedureException(definition.getResourceName(), element, problem);
        }

        void problem(String element, String problem) {
            problems.add(new InvalidProcedureException(definition.getResourceName(), element, problem));
        }
    }
}
