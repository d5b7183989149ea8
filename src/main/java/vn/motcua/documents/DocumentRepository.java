package vn.motcua.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The document table; timestamps in UTC, as every node runs in UTC. */
@Repository
class DocumentRepository {

    private static final String COLUMNS = "id, dossier_code, slot, original_name, media_type, size_bytes, sha256, "
            + "purpose, uploaded_at, uploaded_by, reused_from_id, "
            + "(select r.dossier_code from document r where r.id = document.reused_from_id) reused_from_dossier";

    /** A reused paper's file is its source's. */
    private static final String STORAGE_KEY = "coalesce(storage_key,"
            + " (select r.storage_key from document r where r.id = document.reused_from_id)) storage_key";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(DossierDocument d, String storageKey, String text) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (dossier_code, slot, original_name, media_type, size_bytes, sha256, storage_key,
                    extracted_text, purpose, uploaded_at, uploaded_by)
                values (:dossierCode, :slot, :name, :mediaType, :size, :sha256, :storageKey, :text, :purpose,
                    :uploadedAt, :uploadedBy)
                """)
                .param("dossierCode", d.dossierCode())
                .param("slot", d.slot())
                .param("name", d.name())
                .param("mediaType", d.type().mediaType())
                .param("size", d.size())
                .param("sha256", d.sha256())
                .param("storageKey", storageKey)
                .param("text", text)
                .param("purpose", d.purpose().name())
                .param("uploadedAt", Timestamp.from(d.uploadedAt()))
                .param("uploadedBy", d.uploadedBy())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<DossierDocument> byDossier(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from document where dossier_code = ? order by id")
                .param(dossierCode).query(DocumentRepository::document).list();
    }

    /**
     * A reused paper: a row of its own for the new dossier, sharing the stored file of {@code source}
     * (the first upload of it, which a reuse of a reuse points at too).
     */
    long insertReuse(String dossierCode, String slot, Stored source, Purpose purpose, Timestamp at, String by) {
        long original = source.document().reusedFrom() == null ? source.document().id()
                : source.document().reusedFrom().documentId();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (dossier_code, slot, original_name, media_type, size_bytes, sha256, storage_key,
                    extracted_text, purpose, uploaded_at, uploaded_by, reused_from_id)
                select :dossierCode, :slot, original_name, media_type, size_bytes, sha256, null, extracted_text,
                    :purpose, :at, :by, id
                from document where id = :original
                """)
                .param("dossierCode", dossierCode).param("slot", slot).param("purpose", purpose.name())
                .param("at", at).param("by", by).param("original", original)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The documents of these dossiers, newest first: the papers a citizen may reuse. */
    List<DossierDocument> ofDossiers(List<String> dossierCodes, int limit) {
        if (dossierCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from document where dossier_code in (:codes) and purpose <> 'RESULT'"
                        + " order by id desc fetch first " + limit + " rows only")
                .param("codes", dossierCodes).query(DocumentRepository::document).list();
    }

    Optional<Stored> byId(long id) {
        return jdbc.sql("select " + COLUMNS + ", " + STORAGE_KEY + " from document where id = ?")
                .param(id)
                .query((rs, row) -> new Stored(document(rs, row), rs.getString("storage_key")))
                .optional();
    }

    Optional<Stored> find(String dossierCode, long id) {
        return jdbc.sql("select " + COLUMNS + ", " + STORAGE_KEY + " from document where dossier_code = ? and id = ?")
                .params(dossierCode, id)
                .query((rs, row) -> new Stored(document(rs, row), rs.getString("storage_key")))
                .optional();
    }

    /** Documents whose file name or extracted text contains the words, ignoring case; newest first. */
    /** Matches among the dossiers of these units (their codes begin with the unit's code), or of all when null. */
    List<Match> search(String words, int limit, Set<String> units) {
        String pattern = "%" + likeEscaped(words.toLowerCase(Locale.ROOT)) + "%";
        List<String> unitPatterns = units == null ? List.of() : units.stream().map(unit -> likeEscaped(unit) + "-%").toList();
        String scope = units == null ? ""
                : unitPatterns.isEmpty() ? " and 1 = 0"
                : " and (" + java.util.stream.IntStream.range(0, unitPatterns.size())
                        .mapToObj(i -> "dossier_code like :unit" + i + " escape '\\'")
                        .collect(java.util.stream.Collectors.joining(" or ")) + ")";
        var query = jdbc.sql("select " + COLUMNS + ", extracted_text from document"
                        + " where (lower(original_name) like :pattern escape '\\'"
                        + " or lower(extracted_text) like :pattern escape '\\')" + scope
                        + " order by id desc fetch first " + limit + " rows only")
                .param("pattern", pattern);
        for (int i = 0; i < unitPatterns.size(); i++) {
            query = query.param("unit" + i, unitPatterns.get(i));
        }
        return query.query((rs, row) -> new Match(document(rs, row), rs.getString("extracted_text"))).list();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    record Stored(DossierDocument document, String storageKey) {
    }

    record Match(DossierDocument document, String text) {
    }

    private static DossierDocument document(ResultSet rs, int row) throws SQLException {
        return new DossierDocument(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("slot"),
                rs.getString("original_name"),
                DocumentType.ofMediaType(rs.getString("media_type")).orElseThrow(),
                rs.getLong("size_bytes"), rs.getString("sha256"), Purpose.valueOf(rs.getString("purpose")),
                rs.getTimestamp("uploaded_at").toInstant(),
                rs.getString("uploaded_by"),
                rs.getObject("reused_from_id") == null ? null
                        : new DossierDocument.ReusedFrom(rs.getString("reused_from_dossier"), rs.getLong("reused_from_id")));
    }
}
