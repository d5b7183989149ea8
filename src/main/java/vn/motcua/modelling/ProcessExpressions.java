package vn.motcua.modelling;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may do: read variables, compare and combine them, read a few
 * properties of {@code execution} and {@code task}, and call methods of {@link ProcessBean process
 * beans} with such values. Nothing else: no method of any other object (no {@code getClass()},
 * no {@code forName}, no engine service), no chained calls, no functions, no computed property
 * names. The procedure checks refuse any other expression at deployment; the engine's expression
 * resolver ({@link ProcessExpressionsPlugin}) refuses the same calls at run time.
 */
public final class ProcessExpressions {

    /** The objects the engine puts into every expression's context. */
    public static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
    /** Their properties a model may read (ids and names, never the engine behind them). */
    public static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "processDefinitionId", "currentActivityId", "currentActivityName", "activityInstanceId",
            "eventName", "tenantId", "name", "assignee", "owner", "taskDefinitionKey", "priority", "dueDate",
            "followUpDate", "createTime", "description", "executionId");
    /** Properties that lead out of a value into the class machinery, on any object. */
    static final Set<String> REFLECTIVE_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "processEngine", "processEngineServices");
    /** Methods every object has (getClass, wait, notify...): never callable, even on a process bean. */
    static final Set<String> OBJECT_METHODS = Arrays.stream(Object.class.getMethods()).map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private ProcessExpressions() {
    }

    /** Why the model may not use this text (with {@code ${...}} or {@code #{...}} parts), if it may not. */
    public static Optional<Refusal> check(String text, Predicate<String> processBean) {
        Node root;
        try {
            // The features the engine parses with (method calls are how models reach process beans).
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException unreadable) {
            return Optional.of(new Refusal("biểu thức không đọc được: " + unreadable.getMessage(),
                    "the expression is not readable: " + unreadable.getMessage()));
        }
        return check(root, processBean);
    }

    private static Optional<Refusal> check(Node node, Predicate<String> processBean) {
        if (node instanceof AstMethod method) {
            Node target = method.getChild(0);
            if (!(target instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier base)) {
                return Optional.of(chained());
            }
            String name = property(dot);
            if (!processBean.test(base.getName())) {
                return Optional.of(new Refusal("'" + base.getName() + "." + name + "(...)' gọi phương thức của '"
                        + base.getName() + "', không phải một bean dành cho quy trình (@ProcessBean); chỉ gọi bean"
                        + " dành cho quy trình, ví dụ ${deadlines.phaseDue(execution, 'processing')}",
                        "'" + base.getName() + "." + name + "(...)' calls a method of '" + base.getName()
                                + "', which is not a process bean (@ProcessBean); call only process beans, e.g."
                                + " ${deadlines.phaseDue(execution, 'processing')}"));
            }
            if (OBJECT_METHODS.contains(name)) {
                return Optional.of(reflective(name));
            }
            return check(method.getChild(1), processBean); // the parameters
        }
        if (node instanceof AstDot dot) {
            if (!(dot.getChild(0) instanceof AstIdentifier base)) {
                return Optional.of(chained());
            }
            String name = property(dot);
            if (REFLECTIVE_PROPERTIES.contains(name)) {
                return Optional.of(reflective(name));
            }
            if (CONTEXT_OBJECTS.contains(base.getName()) && !CONTEXT_PROPERTIES.contains(name)) {
                return Optional.of(new Refusal("không đọc '" + base.getName() + "." + name + "'; chỉ đọc được "
                        + new java.util.TreeSet<>(CONTEXT_PROPERTIES),
                        "'" + base.getName() + "." + name + "' is not readable; only " + new java.util.TreeSet<>(CONTEXT_PROPERTIES)));
            }
            return Optional.empty();
        }
        if (node instanceof AstBracket) {
            return Optional.of(new Refusal("không dùng [...] trong biểu thức; đọc biến theo tên, ví dụ ${unit}",
                    "no [...] in expressions; read variables by name, e.g. ${unit}"));
        }
        if (node instanceof AstFunction function) {
            return Optional.of(new Refusal("không gọi hàm '" + function.getName() + "(...)'; gọi một bean dành cho quy trình",
                    "no function calls such as '" + function.getName() + "(...)'; call a process bean"));
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<Refusal> refusal = check(node.getChild(i), processBean);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** AstDot keeps its property name to itself; its text is ". name". */
    private static String property(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }

    private static Refusal chained() {
        return new Refusal("không gọi nối tiếp (a.b().c); gọi thẳng một phương thức của bean dành cho quy trình",
                "no chained calls (a.b().c); call one method of a process bean directly");
    }

    private static Refusal reflective(String name) {
        return new Refusal("'" + name + "' mở đường tới mã Java tùy ý và không được dùng trong biểu thức",
                "'" + name + "' leads to arbitrary Java code and is not allowed in expressions");
    }

    /** Why an expression is refused, in Vietnamese and English, as the procedure checks report it. */
    public record Refusal(String vi, String en) {
    }
}
