package vn.motcua.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.motcua.calendar.CalendarYear.Violation;

/** Reads year documents (YAML, or JSON, which is also how the database keeps them) and checks them. */
final class YearDocuments {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private YearDocuments() {
    }

    /**
     * The calendar of {@code year} written in {@code text}.
     *
     * @param origin where the text comes from, for messages (a file name, "the request")
     * @throws InvalidCalendarYearException naming every problem found
     */
    static CalendarYear read(String text, int year, String origin) {
        if (text == null || text.isBlank()) {
            throw new InvalidCalendarYearException(origin, List.of(new Violation("", "empty", "the document is empty")));
        }
        CalendarYear document;
        try {
            boolean json = text.stripLeading().startsWith("{");
            if (!json) {
                refuseAliases(text, origin);
            }
            document = (json ? JSON : YAML).readValue(text, CalendarYear.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCalendarYearException(origin, List.of(unreadable(e)));
        }
        return checked(document, year, origin);
    }

    /** Jackson reads an alias to a scalar ({@code *tet}) as the alias's name: a wrong source, silently. */
    private static void refuseAliases(String text, String origin) throws JsonProcessingException {
        try (YAMLParser parser = (YAMLParser) YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias()) {
                    throw new InvalidCalendarYearException(origin, List.of(new Violation(parser.currentName() == null ? ""
                            : parser.currentName(), "alias", "YAML aliases (*" + parser.getText() + ") are not supported,"
                            + " write the value out (line " + parser.currentLocation().getLineNr() + ")")));
                }
            }
        } catch (IOException e) {
            if (e instanceof JsonProcessingException processing) {
                throw processing;
            }
            throw new UncheckedIOException(e);
        }
    }

    static CalendarYear checked(CalendarYear document, int year, String origin) {
        List<Violation> violations = document.violations(year);
        if (!violations.isEmpty()) {
            throw new InvalidCalendarYearException(origin, violations);
        }
        return document;
    }

    static String json(CalendarYear document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the calendar of " + document.year(), e);
        }
    }

    private static Violation unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "")
                : "";
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return new Violation(field, "unreadable", e.getOriginalMessage() + where);
    }
}
