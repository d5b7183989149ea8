package vn.motcua.reportpush;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables dossier_feed and dossier_feed_event (V80), written in the caller's transaction: the step's,
 * when an event is written; the delivery job's, when it hands the next event on. Both lock the dossier's
 * dossier_feed row first, so sequence numbers are gap-free and a hand-on never misses an event.
 */
@Repository
class FeedOutbox {

    /** A dossier's feed: the last sequence given, the unit it is at, every unit it has been at. */
    record State(String dossierCode, int lastSequence, String currentUnit, Set<String> units) {
    }

    private final JdbcClient db;

    FeedOutbox(JdbcClient db) {
        this.db = db;
    }

    /** The dossier's feed as committed, without locking it; empty before its first event. */
    Optional<State> peek(String dossierCode) {
        return db.sql("select * from dossier_feed where dossier_code = ?").param(dossierCode).query(FeedOutbox::state)
                .optional();
    }

    /** The dossier's feed, locked until the caller's transaction ends; created at {@code unit} when it has none. */
    State open(String dossierCode, String unit) {
        db.sql("""
                insert into dossier_feed (dossier_code, last_sequence, current_unit, units) values (?, 0, ?, ?)
                on conflict (dossier_code) do nothing""").params(dossierCode, unit, unit).update();
        return lock(dossierCode);
    }

    /** The dossier's feed, which exists, locked until the caller's transaction ends. */
    State lock(String dossierCode) {
        return db.sql("select * from dossier_feed where dossier_code = ? for update").param(dossierCode)
                .query(FeedOutbox::state).single();
    }

    /** Writes the dossier's next event, number {@code lastSequence + 1} (the caller holds the lock), and moves the feed on. */
    void append(State state, String eventId, FeedEventType type, Instant occurredAt, byte[] payload, String unit) {
        int sequence = state.lastSequence() + 1;
        Set<String> units = new LinkedHashSet<>(state.units());
        units.add(unit);
        db.sql("""
                insert into dossier_feed_event (id, dossier_code, sequence, event_type, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?)""")
                .params(eventId, state.dossierCode(), sequence, type.wire(), Timestamp.from(occurredAt),
                        new String(payload, StandardCharsets.UTF_8))
                .update();
        db.sql("update dossier_feed set last_sequence = ?, current_unit = ?, units = ? where dossier_code = ?")
                .params(sequence, unit, String.join(",", units), state.dossierCode()).update();
    }

    /** The event's body, as written. */
    byte[] payload(String eventId) {
        return db.sql("select payload from dossier_feed_event where id = ?").param(eventId).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static State state(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new State(row.getString("dossier_code"), row.getInt("last_sequence"), row.getString("current_unit"),
                new LinkedHashSet<>(Arrays.asList(row.getString("units").split(","))));
    }
}
