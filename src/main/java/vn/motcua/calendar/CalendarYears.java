package vn.motcua.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The years in force: the latest revision an administrator loaded into {@code calendar_year}, else
 * the shipped file (else, outside this class, the provisional statutory calendar). Each node keeps what it
 * read, and that it found nothing, for {@code motcua.calendar.refresh-interval}, so a year or a correction
 * loaded on another node reaches it within that interval. Absences are kept too because a year nobody
 * loaded yet is counted on every day of every deadline that reaches it: one query per day would be a
 * query storm each December.
 */
@Component
class CalendarYears implements YearSource {

    private final JdbcClient jdbc;
    private final ShippedYears shipped;
    private final StatutoryYears statutory = new StatutoryYears();
    private final Cache<Integer, Optional<LoadedYear>> cache;

    CalendarYears(JdbcClient jdbc, ShippedYears shipped, CalendarProperties settings) {
        this.jdbc = jdbc;
        this.shipped = shipped;
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.refreshInterval()).maximumSize(1_000).build();
    }

    @Override
    public Optional<CalendarYear> find(int year) {
        return entry(year).map(LoadedYear::document);
    }

    /** The year loaded or shipped, with where it comes from; empty when it is counted provisionally. */
    Optional<LoadedYear> entry(int year) {
        return cache.get(year, key -> stored(key).or(() -> shipped.find(key).map(LoadedYear::shipped)));
    }

    /** The year in force: loaded, shipped, else its provisional statutory calendar; empty beyond the lunar range. */
    Optional<LoadedYear> inForce(int year) {
        return entry(year).or(() -> statutory.find(year).map(LoadedYear::statutory));
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
        cache.put(document.year(), Optional.of(loaded));
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
        SHIPPED,
        /** nobody loaded it: computed from the Labour Code, provisional until the announced schedule is loaded */
        STATUTORY
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

        static LoadedYear statutory(CalendarYear document) {
            return new LoadedYear(document, Source.STATUTORY, null, null);
        }

        /** Whether the year's figures are provisional: computed from the law, not the announced schedule. */
        @JsonProperty
        public boolean provisional() {
            return source == Source.STATUTORY;
        }
    }
}
