package vn.motcua.security;

import java.lang.reflect.Type;

import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.web.ProblemTexts;

/**
 * Refuses request bodies with control characters in any text (tab and line breaks aside): no form
 * needs them, PostgreSQL cannot store a NUL, and they hide text from the people who read it. The
 * same goes for Unicode's bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin), which
 * make a name read differently from what it is ("hóa đơn\u202Efdp.exe"); Vietnamese never needs them.
 */
@ControllerAdvice
class ControlCharacters extends RequestBodyAdviceAdapter {

    private final ObjectMapper json;
    private final ProblemTexts texts;

    ControlCharacters(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.texts = new ProblemTexts(messages);
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converter) {
        if (!(body instanceof String) && !(body instanceof byte[])) {
            check(json.valueToTree(body), "");
        } else if (body instanceof String text) {
            check(text, "body");
        }
        return body;
    }

    private void check(JsonNode node, String path) {
        if (node.isTextual()) {
            check(node.textValue(), path);
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                check(field.getKey(), path + "/" + field.getKey());
                check(field.getValue(), path + "/" + field.getKey());
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "/" + i);
            }
        }
    }

    private void check(String text, String where) {
        if (hasControlCharacter(text)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, texts.problem(HttpStatus.BAD_REQUEST,
                    "security.title.controlCharacters", "security.controlCharacters", where), null);
        }
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) || isBidiControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** ALM, LRM, RLM, the embeddings and overrides (U+202A..U+202E) and the isolates (U+2066..U+2069). */
    static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
