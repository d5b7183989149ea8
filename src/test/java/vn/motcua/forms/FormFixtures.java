package vn.motcua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the fixture forms in src/test/resources/forms-test. */
final class FormFixtures {

    private FormFixtures() {
    }

    static String json(String name) {
        try (InputStream in = FormFixtures.class.getResourceAsStream("/forms-test/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture form " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormSchema form(String name) {
        return FormSchema.parse(json(name));
    }
}
