package vn.motcua.modelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda Modeler reads and writes models through bpmn-moddle and dmn-moddle: what moddle drops (XML
 * comments, elements it does not know in the BPMN, DMN or Camunda namespaces) is gone after the first save. The shipped models'
 * current losses are listed in {@code roundtrip/known-losses.txt}; the list may only shrink: a new loss
 * fails, and so does a fixed one still listed, until its line is deleted.
 */
class BpmnRoundTripTest {

    static final Path FRONTEND = Path.of("src/main/frontend");
    static final Path SCRIPT = FRONTEND.resolve("modeler-roundtrip.mjs");
    static final Path KNOWN_LOSSES = Path.of("src/test/resources/roundtrip/known-losses.txt");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldLoseNoMoreThanTheKnownListWhenModelerSavesTheShippedModels() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            models = files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
                    .sorted().toList();
        }
        Set<String> known = new TreeSet<>();
        for (String line : Files.readAllLines(KNOWN_LOSSES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                known.add(line);
            }
        }

        Set<String> lost = losses(models);

        assertThat(models).isNotEmpty();
        assertThat(difference(lost, known)).as("lost on a Modeler save, not in " + KNOWN_LOSSES
                + ": write notes in the element's Documentation (bpmn:documentation), never as XML comments, and"
                + " use only elements and attributes the Camunda Modeler knows").isEmpty();
        assertThat(difference(known, lost)).as("no longer lost: delete these lines from " + KNOWN_LOSSES
                + " (the list only shrinks)").isEmpty();
    }

    @Test
    void shouldReportEveryKindOfLossWhenTheModelHasIt() throws Exception {
        Path lossy = Path.of("src/test/resources/roundtrip/lossy.bpmn");

        assertThat(losses(List.of(lossy))).containsExactly(
                lossy + "\tattribute #lossy / bpmn:extensionElements / camunda:noSuchElement @value: lost: an unknown"
                        + " element of a namespace moddle knows",
                lossy + "\tcomment (document): What a Modeler save loses, one of each kind: this comment, among others.",
                lossy + "\telement #appraise / bpmn:noSuchElement",
                lossy + "\telement #lossy / bpmn:extensionElements / camunda:noSuchElement",
                lossy + "\ttext #appraise / bpmn:noSuchElement: lost too");
    }

    /** "file TAB loss", the file as given (relative to the project), from the Node script. */
    private Set<String> losses(List<Path> models) throws Exception {
        assertThat(FRONTEND.resolve("node_modules/bpmn-moddle")).as("bpmn-moddle is installed: the build's npm ci"
                + " (generate-resources) does it; by hand: cd src/main/frontend && npm ci --ignore-scripts").exists();
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toAbsolutePath().toString()));
        models.forEach(model -> command.add(model.toAbsolutePath().toString()));
        Path errors = Files.createTempFile("modeler-roundtrip", ".log");
        Process node = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        byte[] output = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(errors)).isZero();
        Files.delete(errors);

        Set<String> losses = new TreeSet<>();
        JsonNode report = json.readTree(new String(output, StandardCharsets.UTF_8));
        for (Path model : models) {
            JsonNode lost = report.path(model.toAbsolutePath().toString());
            assertThat(lost.isArray()).as("the script reports on " + model).isTrue();
            lost.forEach(loss -> losses.add(model + "\t" + loss.asText()));
        }
        return losses;
    }

    private static Set<String> difference(Set<String> all, Set<String> minus) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(minus);
        return rest;
    }
}
