package vn.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.checks.ProcedureChecker;
import vn.motcua.checks.Violation;
import vn.motcua.documents.DocumentsProperties;

/**
 * The procedure checks that guard every runtime deployment, run in the build over {@code processes/}
 * and {@code forms/} as the application deploys them at start-up (one deployment), so an analyst's edit
 * in Camunda Modeler that breaks a rule fails the build with the file, the element and the fix.
 */
class ProcessModelConventionsTest {

    /** Maven runs the tests from the project root, where analysts keep these folders. */
    private static final List<Path> FOLDERS = List.of(Paths.get("processes"), Paths.get("forms"));

    private static Map<String, byte[]> deployment;
    private static List<Violation> violations;

    static Stream<String> files() throws IOException {
        deployment = new LinkedHashMap<>();
        for (Path folder : FOLDERS) {
            assertThat(folder).as("folder of models and forms (tests run from the project root)").isDirectory();
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> deployment.put(file.toString(), read(file)));
            }
        }
        assertThat(deployment.keySet()).as("models under %s", FOLDERS).anyMatch(name -> name.endsWith(".bpmn"));
        // The shipped defaults: a model must not rely on an installation's larger limits; shipped models
        // name no unit literally (${unit} only), so no unit is known here.
        violations = new ProcedureChecker(new DocumentsProperties(null, null, null, null, null, null, null), code -> false,
                // Which beans are process beans needs the application: ShippedExpressionsIT checks that.
                bean -> true)
                .check(deployment, formId -> false);
        return deployment.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldFollowTheModellingGuideWhenFileIsShipped(String file) {
        assertThat(violations.stream().filter(violation -> violation.file().equals(file)).map(Violation::message))
                .as("violations of docs/modelling-guide.md in %s", file)
                .isEmpty();
    }

    /**
     * A packaged jar deploys each resource under its bare file name (Spring's jar resources have no
     * file path), so two forms called {@code submission.form} would overwrite each other at start-up.
     */
    @Test
    void shouldNameEveryShippedFileUniquelyAndEveryFormAfterItsId() throws IOException {
        files();
        Map<String, List<String>> byName = deployment.keySet().stream()
                .collect(Collectors.groupingBy(file -> Paths.get(file).getFileName().toString()));
        assertThat(byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getValue))
                .as("files sharing a name")
                .isEmpty();
        for (Map.Entry<String, byte[]> file : deployment.entrySet()) {
            if (file.getKey().endsWith(".form")) {
                String id = new ObjectMapper().readTree(file.getValue()).path("id").asText();
                assertThat(Paths.get(file.getKey()).getFileName()).as("file name of the form with id %s", id)
                        .hasToString(id + ".form");
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
