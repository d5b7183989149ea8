package vn.motcua.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the procedure checks. A {@link ParseException}, so the engine REST API
 * answers 400 with every violation under {@code details.<file>.errors} (as for a BPMN parse error),
 * and its message, which Camunda Modeler shows, lists them one a line.
 */
public class ProcedureRefusedException extends ParseException {

    private final transient List<Violation> violations;

    public ProcedureRefusedException(List<Violation> violations) {
        super(message(violations), violations.get(0).file(), List.of(), List.of());
        this.violations = List.copyOf(violations);
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        violations.forEach(v -> byFile.computeIfAbsent(v.file(), file -> new ArrayList<>()).add(new ViolationProblem(v)));
        // The engine's list is filled in place: Operaton made the field final (and fixed its name), the
        // list the constructor made is the same mutable one in both engines.
        List<ResourceReport> reports = getResorceReports();
        reports.clear();
        byFile.forEach((file, problems) -> reports.add(new Report(file, problems)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        return "Thủ tục bị từ chối, chưa triển khai gì (" + violations.size() + " lỗi) / Procedure refused, nothing deployed ("
                + violations.size() + " problems):\n" + violations.stream().map(v -> "- " + v.message())
                        .collect(Collectors.joining("\n"));
    }

    private record ViolationProblem(Violation violation) implements Problem {

        @Override
        public String getMessage() {
            return violation.vi() + " / " + violation.en();
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return violation.element();
        }

        @Override
        public List<String> getElementIds() {
            return List.of(violation.element());
        }
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
