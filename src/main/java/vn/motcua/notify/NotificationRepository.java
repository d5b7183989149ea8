package vn.motcua.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification table. Timestamps are UTC on the engine's clock (tests move it). Duplicates are
 * found by the unique constraint, never by reading first: two transactions racing on one event both
 * insert, the database makes the second wait for the first and refuses it once the first commits.
 */
@Repository
class NotificationRepository {

    private static final String ATTACHMENT_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    NotificationRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        // A refused insert aborts the whole transaction on PostgreSQL: the savepoint keeps the
        // caller's (the engine job's) transaction usable.
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Makes this transaction the one that handles the event: inserts its row with {@code status}, or
     * takes over a row that an earlier attempt left {@link NotificationStatus#FAILED}. False when
     * another transaction has it (sent, being sent, or recorded without a channel).
     */
    boolean claim(Notification n, NotificationStatus status) {
        if (insert(n, status, null, 1)) {
            return true;
        }
        return jdbc.sql("""
                update notification set status = ?, attempts = attempts + 1, last_error = null
                where event_key = ? and channel = ? and recipient_address = ? and status = 'FAILED'""")
                .params(status.name(), n.eventKey(), n.recipient().channel(), n.recipient().address())
                .update() == 1;
    }

    /** The channel accepted the event this transaction claimed. */
    void markSent(Notification n) {
        jdbc.sql("""
                update notification set status = 'SENT', sent_at = ?
                where event_key = ? and channel = ? and recipient_address = ?""")
                .params(now(), n.eventKey(), n.recipient().channel(), n.recipient().address())
                .update();
    }

    /** The channel refused the address of the event this transaction claimed, for good. */
    void markRejected(Notification n, String error) {
        jdbc.sql("""
                update notification set status = 'REJECTED', last_error = ?
                where event_key = ? and channel = ? and recipient_address = ?""")
                .params(truncate(error), n.eventKey(), n.recipient().channel(), n.recipient().address())
                .update();
    }

    /**
     * Writes what really happened after the claiming transaction rolled back (call it in a new
     * transaction): a delivered message is recorded SENT so that the retry sends nothing, a failure is
     * recorded FAILED with its error. A row another transaction holds by now is left alone.
     */
    void recordOutcome(Notification n, NotificationStatus status, String error) {
        if (insert(n, status, error, 1)) {
            return;
        }
        // PENDING: the job of a recorded notification rolled back to it (see record).
        jdbc.sql("""
                update notification set status = ?, attempts = attempts + 1, last_error = ?, sent_at = ?
                where event_key = ? and channel = ? and recipient_address = ? and status in ('FAILED', 'PENDING')""")
                .params(status.name(), truncate(error), status == NotificationStatus.SENT ? now() : null,
                        n.eventKey(), n.recipient().channel(), n.recipient().address())
                .update();
    }

    /**
     * Records the notification for a job to send (status PENDING, no attempt yet), with its attachments, in
     * the caller's transaction. Empty when the event already has its row for this recipient: the unique
     * constraint refuses it, as it refuses a second send.
     */
    Optional<Long> record(Notification n) {
        if (!insert(n, NotificationStatus.PENDING, null, 0)) {
            return Optional.empty();
        }
        long id = jdbc.sql("select id from notification where event_key = ? and channel = ? and recipient_address = ?")
                .params(n.eventKey(), n.recipient().channel(), n.recipient().address()).query(Long.class).single();
        for (int i = 0; i < n.attachments().size(); i++) {
            Attachment file = n.attachments().get(i);
            jdbc.sql("""
                    insert into notification_attachment (notification_id, position, file_name, content_type, content)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, i, file.fileName(), file.contentType(), file.content()).update();
        }
        return Optional.of(id);
    }

    /**
     * Makes this transaction the one that sends the recorded notification {@code id}: still PENDING, or
     * left FAILED by an earlier attempt. The update holds the row until the transaction ends; a second
     * job on it (a lock that expired, another node) waits, then finds it no longer PENDING or FAILED.
     * Empty when it was sent (or refused, or found without a channel) already.
     */
    Optional<Notification> claimRecorded(long id) {
        int claimed = jdbc.sql("""
                update notification set status = 'SENDING', attempts = attempts + 1, last_error = null
                where id = ? and status in ('PENDING', 'FAILED')""").param(id).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        List<Attachment> files = jdbc.sql("""
                select file_name, content_type, content from notification_attachment
                where notification_id = ? order by position""").param(id)
                .query((rs, row) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
        return Optional.of(jdbc.sql("select * from notification where id = ?").param(id)
                .query((rs, row) -> new Notification(rs.getString("event_key"), rs.getString("dossier_code"),
                        new Recipient(rs.getString("channel"), rs.getString("recipient_address"),
                                rs.getString("recipient_name")),
                        new Message(rs.getString("subject"), rs.getString("body")), files))
                .single());
    }

    /** The channel of the notification this transaction claimed is gone (configuration changed since it was recorded). */
    void markNoChannel(Notification n) {
        jdbc.sql("""
                update notification set status = 'NO_CHANNEL'
                where event_key = ? and channel = ? and recipient_address = ?""")
                .params(n.eventKey(), n.recipient().channel(), n.recipient().address())
                .update();
    }

    List<NotificationRecord> ofDossier(String dossierCode) {
        return jdbc.sql("select * from notification where dossier_code = ? order by id")
                .param(dossierCode)
                .query(NotificationRepository::record)
                .list();
    }

    List<NotificationRecord> ofEvent(String eventKey) {
        return jdbc.sql("select * from notification where event_key = ? order by id")
                .param(eventKey)
                .query(NotificationRepository::record)
                .list();
    }

    private boolean insert(Notification n, NotificationStatus status, String error, int attempts) {
        try {
            savepoint.executeWithoutResult(tx -> jdbc.sql("""
                    insert into notification (event_key, channel, recipient_address, recipient_name, dossier_code,
                        subject, body, attachments, status, attempts, last_error, created_at, sent_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(n.eventKey(), n.recipient().channel(), n.recipient().address(),
                            n.recipient().displayName(), n.dossierCode(), truncate(n.subject(), 500), n.body(),
                            attachmentNames(n), status.name(), attempts, truncate(error),
                            now(), status == NotificationStatus.SENT ? now() : null)
                    .update());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    private static String attachmentNames(Notification n) {
        if (n.attachments().isEmpty()) {
            return null;
        }
        return truncate(String.join(ATTACHMENT_SEPARATOR, n.attachments().stream().map(Attachment::fileName).toList()), 2000);
    }

    private static NotificationRecord record(ResultSet rs, int row) throws SQLException {
        String attachments = rs.getString("attachments");
        return new NotificationRecord(
                rs.getString("event_key"),
                rs.getString("dossier_code"),
                rs.getString("channel"),
                rs.getString("recipient_address"),
                rs.getString("recipient_name"),
                rs.getString("subject"),
                rs.getString("body"),
                attachments == null ? List.of() : Arrays.asList(attachments.split(ATTACHMENT_SEPARATOR)),
                NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static Timestamp now() {
        return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text) {
        return truncate(text, 1000);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
