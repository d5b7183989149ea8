package vn.motcua.metrics;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EventType;

/**
 * Dossier figures of the whole installation, from our tables (every node reports the same values:
 * aggregate them with max, not sum). Three indexed counts, cached for {@link MetricsProperties#cacheFor()}.
 */
@Component
class DossierFigures {

    private static final List<String> OPEN = Arrays.stream(DossierStatus.values())
            .filter(status -> !status.isTerminal()).map(Enum::name).toList();

    private final JdbcClient db;
    private final Cached<Snapshot> snapshot;

    DossierFigures(JdbcClient db, MetricsProperties settings) {
        this.db = db;
        this.snapshot = new Cached<>(this::read, settings.cacheFor());
    }

    Snapshot current() {
        return snapshot.get();
    }

    private Snapshot read() {
        Map<String, Long> received = new HashMap<>();
        Arrays.stream(Channel.values()).forEach(channel -> received.put(channel.name(), 0L));
        db.sql("select channel, count(*) as n from dossier group by channel")
                .query((row, i) -> Map.entry(row.getString("channel"), row.getLong("n")))
                .list().forEach(entry -> received.put(entry.getKey(), entry.getValue()));
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        long inProgress = db.sql("select count(*) from dossier where status in (:open)")
                .param("open", OPEN).query(Long.class).single();
        long overdue = db.sql("select count(*) from dossier where status in (:open) and due_at < :now")
                .param("open", OPEN).param("now", now).query(Long.class).single();
        long escalations = db.sql("select count(*) from dossier_event where event_type = :type")
                .param("type", EventType.OVERDUE.name()).query(Long.class).single();
        return new Snapshot(Map.copyOf(received), inProgress, overdue, escalations);
    }

    /**
     * @param receivedByChannel every dossier ever received, by channel (ONLINE, COUNTER, POST)
     * @param inProgress        dossiers not finished (any status short of a terminal one)
     * @param overdue           of those, the ones past their due date
     * @param escalations       overdue dossiers escalated to the head of unit (each escalation once)
     */
    record Snapshot(Map<String, Long> receivedByChannel, long inProgress, long overdue, long escalations) {
    }
}
