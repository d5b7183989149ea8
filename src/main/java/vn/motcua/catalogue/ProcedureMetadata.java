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
                payment));
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

        void problem(String element, String problem) {
            problems.add(new InvalidProcedureException(definition.getResourceName(), element, problem));
        }
    }
}
