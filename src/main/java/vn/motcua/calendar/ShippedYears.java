package vn.motcua.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The years shipped with motcua ({@code classpath:calendar/vn/<year>.yaml}), read and checked once:
 * a broken file stops the application from starting.
 */
final class ShippedYears implements YearSource {

    static final String LOCATION = "classpath*:calendar/vn/*.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})\\.yaml");

    private final Map<Integer, CalendarYear> years;

    ShippedYears(Map<Integer, CalendarYear> years) {
        this.years = Map.copyOf(years);
    }

    static ShippedYears read(String location) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
                Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
                if (!name.matches()) {
                    throw new IllegalStateException("Calendar file " + resource + " must be named <year>.yaml");
                }
                int year = Integer.parseInt(name.group(1));
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                years.put(year, YearDocuments.read(text, year, resource.getFilename()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar files at " + location, e);
        }
        return new ShippedYears(years);
    }

    @Override
    public Optional<CalendarYear> find(int year) {
        return Optional.ofNullable(years.get(year));
    }

    Map<Integer, CalendarYear> all() {
        return years;
    }
}
