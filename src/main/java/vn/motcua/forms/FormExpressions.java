package vn.motcua.forms;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compiles every FEEL expression of a Camunda Form (each string value that starts with "=") with
 * the FEEL engine the server evaluates them with. At run time a broken expression cannot refuse a
 * submission (FormValidator then skips the rule it drives: a min/max, a hide condition), so the
 * procedure checks refuse it at deployment instead.
 */
public final class FormExpressions {

    /** Parsing needs no functions, clock or value mappers: one engine serves every check. */
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    private FormExpressions() {
    }

    /**
     * One expression that does not compile.
     *
     * @param component the key of the component it belongs to (its id when it has no key; "form" for the form itself)
     * @param property  where it sits in the component, as a JSON path ({@code validate.min}, {@code conditional.hide})
     * @param problem   the FEEL parser's words
     */
    public record BrokenExpression(String component, String property, String expression, String problem) {
    }

    /** The expressions of the form's schema that do not compile, in schema order; empty when all do. */
    public static List<BrokenExpression> broken(JsonNode form) {
        List<BrokenExpression> broken = new ArrayList<>();
        walk(form, "form", "", broken);
        return List.copyOf(broken);
    }

    private static void walk(JsonNode node, String component, String path, List<BrokenExpression> broken) {
        if (node.isTextual()) {
            String text = node.asText();
            if (text.startsWith("=")) {
                ParseResult parsed = FEEL.parseExpression(text.substring(1));
                if (parsed.isFailure()) {
                    broken.add(new BrokenExpression(component, path, text, parsed.failure().message()));
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, component, path, broken);
            }
        } else if (node.isObject()) {
            // A component (it has a type) names the expressions inside it; nested components name their own.
            boolean isComponent = node.has("type") && node.path("type").isTextual() && path.endsWith("components");
            String owner = isComponent ? name(node) : component;
            String base = isComponent ? "" : path;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), owner, base.isEmpty() ? field.getKey() : base + "." + field.getKey(), broken);
            }
        }
    }

    private static String name(JsonNode component) {
        if (component.hasNonNull("key")) {
            return component.get("key").asText();
        }
        return component.hasNonNull("id") ? component.get("id").asText() : component.path("type").asText();
    }
}
