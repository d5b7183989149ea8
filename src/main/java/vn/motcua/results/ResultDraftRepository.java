package vn.motcua.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ResultDraftRepository {

    private final JdbcClient jdbc;

    ResultDraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Supersedes the dossier's open drafts and records the new one. */
    ResultDraft insert(String code, long documentId, String sha256, String template, String note, Instant at, String by) {
        jdbc.sql("update result_draft set superseded_at = :at where dossier_code = :code and superseded_at is null")
                .param("at", Timestamp.from(at)).param("code", code).update();
        long id = jdbc.sql("""
                insert into result_draft (dossier_code, document_id, sha256, template, note, drafted_at, drafted_by)
                values (:code, :document, :sha256, :template, :note, :at, :by) returning id""")
                .param("code", code).param("document", documentId).param("sha256", sha256).param("template", template)
                .param("note", note).param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
        return byId(id);
    }

    /** The draft in force, locked until the transaction ends so that an approval and a new draft never cross. */
    Optional<ResultDraft> currentForUpdate(String code) {
        return jdbc.sql("select * from result_draft where dossier_code = :code and superseded_at is null for update")
                .param("code", code).query(ResultDraftRepository::row).optional();
    }

    Optional<ResultDraft> current(String code) {
        return jdbc.sql("select * from result_draft where dossier_code = :code and superseded_at is null")
                .param("code", code).query(ResultDraftRepository::row).optional();
    }

    List<ResultDraft> all(String code) {
        return jdbc.sql("select * from result_draft where dossier_code = :code order by id")
                .param("code", code).query(ResultDraftRepository::row).list();
    }

    void approve(long id, String sha256, Instant at, String by) {
        jdbc.sql("update result_draft set approved_at = :at, approved_by = :by, approved_sha256 = :sha256 where id = :id")
                .param("at", Timestamp.from(at)).param("by", by).param("sha256", sha256).param("id", id).update();
    }

    private ResultDraft byId(long id) {
        return jdbc.sql("select * from result_draft where id = :id").param("id", id)
                .query(ResultDraftRepository::row).single();
    }

    private static ResultDraft row(ResultSet rs, int n) throws SQLException {
        return new ResultDraft(rs.getLong("id"), rs.getString("dossier_code"), rs.getLong("document_id"),
                rs.getString("sha256"), rs.getString("template"), rs.getString("note"), instant(rs, "drafted_at"),
                rs.getString("drafted_by"), instant(rs, "superseded_at"), instant(rs, "approved_at"),
                rs.getString("approved_by"), rs.getString("approved_sha256"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
