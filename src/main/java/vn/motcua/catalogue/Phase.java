package vn.motcua.catalogue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The phases a dossier's legal deadline is shared among, in the order they run. The name is how
 * models and properties refer to a phase ({@code procedure.share.processing},
 * {@code ${deadlines.phaseDue(execution, 'processing')}}); the weight splits the time that the
 * procedure's explicit shares leave to the phases without one.
 */
public enum Phase {
    RECEPTION("reception", 1),
    PROCESSING("processing", 6),
    APPROVAL("approval", 2),
    RESULT_RETURN("resultReturn", 1);

    private final String modelName;
    private final int weight;

    Phase(String modelName, int weight) {
        this.modelName = modelName;
        this.weight = weight;
    }

    public String modelName() {
        return modelName;
    }

    int weight() {
        return weight;
    }

    public static Phase of(String modelName) {
        return Arrays.stream(values()).filter(p -> p.modelName.equals(modelName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown phase '" + modelName + "', expected one of "
                        + Arrays.stream(values()).map(Phase::modelName).collect(Collectors.joining(", "))));
    }
}
