package vn.motcua.calendar;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The years in force: the latest revision an administrator loaded into {@code calendar_year}, else
 * the shipped file. Each node keeps what it read for {@code motcua.calendar.refresh-interval}, so a
 * correction loaded on another node reaches it within that interval; a year it does not know is
 * looked up in the table every time it is asked for, so a newly loaded year is seen at once.
 */
@Component
class CalendarYears implements YearSource {

    private final JdbcClient jdbc;
    private final ShippedYears shipped;
    private final long refreshNanos;
    private final ConcurrentMap<Integer, Cached> cache = new ConcurrentHashMap<>();

    CalendarYears(JdbcClient jdbc, ShippedYears shipped, CalendarProperties settings) {
        this.jdbc = jdbc;
        this.shipped = shipped;
        this.refreshNanos = settings.refreshInterval().toNanos();
    }

    @Override
    public Optional<CalendarYear> find(int year) {
        return entry(year).map(LoadedYear::document);
    }

    /** The year in force with where it comes from. */
    Optional<LoadedYear> entry(int year) {
        Cached cached = cache.get(year);
        if (cached != null && System.nanoTime() - cached.readAt() < refreshNanos) {
            return Optional.of(cached.year());
        }
        Optional<LoadedYear> current = stored(year).or(() -> shipped.find(year).map(LoadedYear::shipped));
        current.ifPresentOrElse(found -> cache.put(year, new Cached(found, System.nanoTime())), () -> cache.remove(year));
        return current;
    }

    /** Every year in force, stored or shipped, in order. */
    List<LoadedYear> all() {
        Map<Integer, LoadedYear> years = new TreeMap<>();
        shipped.all().forEach((year, document) -> years.put(year, LoadedYear.shipped(document)));
        jdbc.sql("select distinct year_number from calendar_year").query(Integer.class).list()
                .forEach(year -> stored(year).ifPresent(found -> years.put(year, found)));
        return List.copyOf(years.values());
    }

    /**
     * Stores {@code document} as the next revision of its year, in force on this node at once and on
     * the others within the refresh interval.
     */
    @Transactional
    LoadedYear load(CalendarYear document) {
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from calendar_year where year_number = ?")
                .param(document.year())
                .query(Integer.class)
                .single();
        Instant now = Instant.now();
        try {
            jdbc.sql("insert into calendar_year (year_number, revision, document, loaded_at) values (?, ?, ?, ?)")
                    .params(document.year(), revision, YearDocuments.json(document), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "Another revision of " + document.year() + " was loaded at the same moment: read it and load again"), e);
        }
        LoadedYear loaded = new LoadedYear(document, Source.DATABASE, revision, now);
        cache.put(document.year(), new Cached(loaded, System.nanoTime()));
        return loaded;
    }

    private Optional<LoadedYear> stored(int year) {
        return jdbc.sql("select document, revision, loaded_at from calendar_year where year_number = ? order by revision desc"
                        + " fetch first 1 rows only")
                .param(year)
                .query((rs, row) -> new LoadedYear(
                        YearDocuments.read(rs.getString("document"), year, "calendar_year " + year + " revision "
                                + rs.getInt("revision")),
                        Source.DATABASE, rs.getInt("revision"), rs.getTimestamp("loaded_at").toInstant()))
                .optional();
    }

    /** Where a year in force comes from. */
    enum Source {
        /** loaded by an administrator */
        DATABASE,
        /** shipped with the application */
        SHIPPED
    }

    /**
     * A year in force.
     *
     * @param revision the stored revision, absent for a shipped year
     * @param loadedAt when the revision was stored, absent for a shipped year
     */
    record LoadedYear(CalendarYear document, Source source, Integer revision, Instant loadedAt) {

        static LoadedYear shipped(CalendarYear document) {
            return new LoadedYear(document, Source.SHIPPED, null, null);
        }
    }

    private record Cached(LoadedYear year, long readAt) {
    }
}
