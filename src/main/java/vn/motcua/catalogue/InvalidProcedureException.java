package vn.motcua.catalogue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model whose procedure metadata cannot be read; names the resource and the element of each
 * problem. It carries every problem found in the model, so an analyst fixes them in one round.
 */
public class InvalidProcedureException extends RuntimeException {

    private final List<String> problems;

    public InvalidProcedureException(String resource, String element, String problem) {
        this(List.of(resource + " (" + element + "): " + problem));
    }

    private InvalidProcedureException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One exception for all the problems of one model, in the order they were found. */
    static InvalidProcedureException of(List<InvalidProcedureException> found) {
        return found.size() == 1 ? found.get(0) : new InvalidProcedureException(found.stream()
                .flatMap(problem -> problem.problems().stream()).collect(Collectors.toList()));
    }

    /** Each problem as {@code resource (element): what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
