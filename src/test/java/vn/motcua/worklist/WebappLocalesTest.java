package vn.motcua.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Vietnamese locale of each Camunda webapp has exactly the keys of the English one in the
 * webjar on the class path: an upgrade that adds labels fails here until they are translated.
 */
class WebappLocalesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldTranslateEveryLabelOfTheWebapp(String webapp) throws IOException {
        JsonNode english = locale(webapp, "en");
        JsonNode vietnamese = locale(webapp, "vi");

        assertThat(names(vietnamese.get("labels"))).containsExactlyInAnyOrderElementsOf(names(english.get("labels")));
        if (english.has("dateLocales")) {
            assertThat(vietnamese.get("dateLocales").get("longDateFormat").get("L").asText()).isEqualTo("DD/MM/YYYY");
            assertThat(vietnamese.get("dateLocales").get("months")).hasSize(12);
        }
        assertThat(vietnamese.get("labels").get("BANNER_CE_EOL_TEXT").asText()).isEmpty();
    }

    private static JsonNode locale(String webapp, String language) throws IOException {
        String path = "META-INF/resources/webjars/camunda/app/" + webapp + "/locales/" + language + ".json";
        try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            byte[] bytes = in.readAllBytes();
            // Camunda's files start with a byte order mark.
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return JSON.readTree(text);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
